package dev.haven.client.cli;

import dev.haven.protocol.model.ContentWarning;
import dev.haven.protocol.model.CwLabel;
import dev.haven.protocol.model.ResourceCard;
import dev.haven.protocol.model.RoomInfo;
import dev.haven.protocol.model.RoomState;
import dev.haven.protocol.model.RoundState;
import dev.haven.protocol.server.MoodPollEvent;
import dev.haven.protocol.server.MoodSummary;
import dev.haven.protocol.server.RoundEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The words for a facilitated session: its state, rounds, mood check-ins, content warnings and
 * the services offered when no facilitator is present. Text from people and from the server
 * is cleaned for the terminal here.
 */
final class SessionText {
    private SessionText() {
    }

    /** "content warning: self harm", or the sender's own words for a custom one. */
    static String cwLabel(ContentWarning cw) {
        String label = cw.label() == CwLabel.UNKNOWN ? "(a kind this client does not know yet)"
                : cw.label().wireName().replace('_', ' ');
        if (cw.text() == null) {
            return "content warning: " + label;
        }
        String words = Transcript.clean(cw.text());
        return "content warning: " + (cw.label() == CwLabel.CUSTOM ? words : label + ", " + words);
    }

    /**
     * What changed in a round, in words for the one reading.
     *
     * @param before the round as last heard, or null
     * @param myId   the reader's user id
     * @param nameOf the name of a user id seen in the room
     */
    static List<String> round(RoundEvent before, RoundEvent now, String myId, Function<String, String> nameOf,
                              long nowMillis) {
        List<String> lines = new ArrayList<>(2);
        boolean fresh = before == null || !before.roundId().equals(now.roundId());
        if (now.state() == RoundState.ENDED) {
            if (before != null) {
                lines.add("* The round has ended. Thank you, everyone.");
            }
            return lines;
        }
        if (fresh) {
            List<String> order = new ArrayList<>();
            if (now.speaker() != null) {
                order.add(now.speaker());
            }
            order.addAll(now.queue());
            lines.add("* A " + kind(now) + " round has started: \"" + Transcript.clean(now.prompt()) + "\". Order: "
                    + names(order, nameOf) + ". " + EventText.duration(now.turnSeconds()) + " a turn"
                    + (now.talkingStick() ? "; only the speaker writes (talking stick)." : "."));
        }
        if (now.state() == RoundState.PAUSED) {
            if (before == null || before.state() != RoundState.PAUSED) {
                lines.add("* The round is paused until a facilitator is back.");
            }
            return lines;
        }
        boolean newSpeaker = fresh || !Objects.equals(before.speaker(), now.speaker())
                || before.state() != RoundState.RUNNING;
        String left = now.turnEndsAt() == null ? "" : " (" + EventText.remaining(now.turnEndsAt(), nowMillis) + ")";
        if (newSpeaker && myId.equals(now.speaker())) {
            lines.add("* It is your turn" + left + ". Write when you are ready; /done when you have finished"
                    + (now.allowPass() ? ", or /pass to pass." : "."));
        } else if (newSpeaker) {
            lines.add("* " + name(now.speaker(), nameOf) + "'s turn" + left + ". "
                    + (now.queue().isEmpty() ? "Last turn." : "Next: " + names(now.queue(), nameOf) + "."));
        } else if (!Objects.equals(before.turnEndsAt(), now.turnEndsAt())) {
            lines.add("* " + (myId.equals(now.speaker()) ? "You have" : name(now.speaker(), nameOf) + " has")
                    + " more time" + left + ".");
        } else if (!before.queue().equals(now.queue())) {
            lines.add("* Still to speak: " + (now.queue().isEmpty() ? "nobody" : names(now.queue(), nameOf)) + ".");
        }
        return lines;
    }

    static String moodPoll(MoodPollEvent poll, long nowMillis) {
        return "* Mood check-in: how are you feeling, from 1 (very low) to 5 (very good)? /mood 1 to /mood 5 answers, "
                + "/mood skip takes part without a score; add \"share\" to let the facilitators see your answer. "
                + "It closes in " + EventText.remaining(poll.closesAt(), nowMillis) + ".";
    }

    static String moodSummary(MoodSummary summary) {
        String took = "* Check-in results: " + summary.n() + (summary.n() == 1 ? " person" : " people") + " took part.";
        if (Boolean.TRUE.equals(summary.suppressed()) || summary.distribution() == null) {
            return took + " Fewer than " + MoodSummary.MIN_SCORES + " gave a score, so no breakdown is shown: "
                    + "that keeps everyone's answer private.";
        }
        return took + " " + summary.distribution().entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(" · "));
    }

    /** Lines for a change of the session's state, closing time or guidelines. */
    static List<String> roomChanges(RoomInfo before, RoomInfo after, long nowMillis) {
        List<String> lines = new ArrayList<>(2);
        if (before.state() != after.state()) {
            lines.add(switch (after.state()) {
                case OPEN -> before.state() == RoomState.UNFACILITATED
                        ? "* A facilitator is back: the session goes on."
                        : "* The session is open: everyone can write now.";
                case LOBBY -> "* The session has not started yet: you can read along.";
                case UNFACILITATED -> "* No facilitator is present right now. The room stays open.";
                case UNKNOWN -> "* The session's state has changed.";
            });
        }
        if (after.closesAt() != null && !after.closesAt().equals(before.closesAt())) {
            lines.add("* The session closes in " + EventText.remaining(after.closesAt(), nowMillis) + ".");
        } else if (after.closesAt() == null && before.closesAt() != null) {
            lines.add("* The session is no longer closing.");
        }
        if (!after.guidelinesVersion().equals(before.guidelinesVersion()) && after.guidelines() != null) {
            lines.add("* The group's guidelines have changed:\n    " + Transcript.cleanLines(after.guidelines())
                    + "\n  /accept accepts them, so you can keep writing.");
        }
        return lines;
    }

    /** The services offered when no facilitator is present, one per line. */
    static List<String> resources(List<ResourceCard> cards) {
        return cards.stream().map(card -> "  - " + CareText.card(card)).toList();
    }

    /** A mood score as a member gave it, for a facilitator's alert. */
    static String score(Integer value) {
        return value == null ? "no score" : value + " of 5";
    }

    private static String kind(RoundEvent round) {
        return switch (round.kind()) {
            case CHECK_IN -> "check-in";
            case CHECK_OUT -> "check-out";
            case GO_ROUND -> "go-round";
            case UNKNOWN -> "round";
        };
    }

    private static String name(String userId, Function<String, String> nameOf) {
        String name = userId == null ? null : nameOf.apply(userId);
        return Transcript.clean(name != null ? name : userId == null ? "nobody" : userId);
    }

    private static String names(List<String> userIds, Function<String, String> nameOf) {
        return userIds.isEmpty() ? "nobody" : userIds.stream().map(id -> name(id, nameOf))
                .collect(Collectors.joining(", "));
    }

    /** The label of a content warning as typed: {@code self-harm} or {@code self_harm}. */
    static String labelWord(String typed) {
        return typed.toLowerCase(Locale.ROOT).replace('-', '_');
    }
}
