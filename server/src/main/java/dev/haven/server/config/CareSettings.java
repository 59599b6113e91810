package dev.haven.server.config;

import static dev.haven.server.config.ConfigException.check;

import java.util.List;

/**
 * Duty of care: how crisis language is found and how fast its alerts escalate.
 *
 * @param lexicons                    the crisis-language lexicons, merged: {@code builtin:en}
 *                                    for the built-in English one, or paths of lexicon files
 * @param ackTimeoutSeconds           how long an alert may wait for a facilitator's
 *                                    acknowledgement before it is sent again as urgent
 * @param supervisorAfterSeconds      how long after that urgent re-send an alert still
 *                                    unacknowledged goes to the supervisors
 * @param supportNoticeCooldownSeconds after a support notice, how long a member's next alert in
 *                                    the same room comes without another one (facilitators are
 *                                    still alerted), so nobody is prompted again and again
 * @param model                       {@code on} (the default) or {@code off}: whether the second
 *                                    stage, a sentence-embedding model, also reads every member's
 *                                    message the lexicon did not alert on
 */
public record CareSettings(List<String> lexicons, AckTimeouts ackTimeoutSeconds, int supervisorAfterSeconds,
                           int supportNoticeCooldownSeconds, String model) {
    public static final int MAX_SECONDS = 24 * 3600;

    /**
     * @param high    for a {@code crisis} alert of tier high
     * @param concern for a {@code crisis} alert of tier concern
     * @param request for a member's {@code request_facilitator}
     */
    public record AckTimeouts(int high, int concern, int request) {
        public AckTimeouts {
            check(high >= 1 && high <= MAX_SECONDS, "care.ackTimeoutSeconds.high must be between 1 and " + MAX_SECONDS);
            check(concern >= 1 && concern <= MAX_SECONDS,
                    "care.ackTimeoutSeconds.concern must be between 1 and " + MAX_SECONDS);
            check(request >= 1 && request <= MAX_SECONDS,
                    "care.ackTimeoutSeconds.request must be between 1 and " + MAX_SECONDS);
        }
    }

    public CareSettings {
        lexicons = lexicons == null || lexicons.isEmpty() ? List.of("builtin:en") : List.copyOf(lexicons);
        ackTimeoutSeconds = ackTimeoutSeconds == null ? new AckTimeouts(60, 180, 180) : ackTimeoutSeconds;
        check(supervisorAfterSeconds >= 1 && supervisorAfterSeconds <= MAX_SECONDS,
                "care.supervisorAfterSeconds must be between 1 and " + MAX_SECONDS);
        check(supportNoticeCooldownSeconds >= 0 && supportNoticeCooldownSeconds <= MAX_SECONDS,
                "care.supportNoticeCooldownSeconds must be between 0 and " + MAX_SECONDS);
        model = model == null ? "on" : switch (model.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "on", "true" -> "on";
            case "off", "false" -> "off";
            default -> throw new ConfigException("care.model must be on or off");
        };
    }

    /** With the model on. */
    public CareSettings(List<String> lexicons, AckTimeouts ackTimeoutSeconds, int supervisorAfterSeconds,
                        int supportNoticeCooldownSeconds) {
        this(lexicons, ackTimeoutSeconds, supervisorAfterSeconds, supportNoticeCooldownSeconds, "on");
    }

    public static CareSettings defaults() {
        return new CareSettings(List.of("builtin:en"), new AckTimeouts(60, 180, 180), 60, 1800, "on");
    }

    /** Whether the second stage (the model) reads members' messages. */
    public boolean modelOn() {
        return model.equals("on");
    }

    public CareSettings withModel(boolean on) {
        return new CareSettings(lexicons, ackTimeoutSeconds, supervisorAfterSeconds, supportNoticeCooldownSeconds,
                on ? "on" : "off");
    }
}
