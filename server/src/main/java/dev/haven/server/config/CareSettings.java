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
 */
public record CareSettings(List<String> lexicons, AckTimeouts ackTimeoutSeconds, int supervisorAfterSeconds,
                           int supportNoticeCooldownSeconds) {
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
    }

    public static CareSettings defaults() {
        return new CareSettings(List.of("builtin:en"), new AckTimeouts(60, 180, 180), 60, 1800);
    }
}
