package dev.haven.client.cli;

import dev.haven.protocol.model.RoomInfo;

/**
 * Whether the user accepts a room's guidelines, asked before joining: the guidelines are
 * shown, then the user answers y/N, unless {@code --accept-guidelines} accepted them ahead.
 * A room given with {@code --room} while the input is not a terminal is joined only with that
 * flag: the next piped line is not the user's answer to a question they never saw.
 */
final class GuidelinesConsent {
    /** Where the answer comes from. */
    interface Answers {
        /** The next typed line, or null when the input or the connection ended first. */
        String next() throws InterruptedException;
    }

    private final Transcript out;
    private final boolean acceptedAhead;
    private final boolean interactive;

    GuidelinesConsent(Transcript out, boolean acceptedAhead, boolean interactive) {
        this.out = out;
        this.acceptedAhead = acceptedAhead;
        this.interactive = interactive;
    }

    /** @param fromCommandLine the room was given with {@code --room} */
    boolean accepts(RoomInfo room, boolean fromCommandLine, Answers answers) throws InterruptedException {
        out.guidelines(room);
        if (acceptedAhead) {
            out.info("You accept them (--accept-guidelines).");
            return true;
        }
        if (fromCommandLine && !interactive) {
            out.error("guidelines_required", "to join " + Transcript.clean(room.id()) + " with --room when input is "
                    + "not a terminal, read the guidelines above and add --accept-guidelines");
            return false;
        }
        out.info("Do you accept these guidelines? [y/N]");
        String answer = answers.next();
        if (answer != null && (answer.equalsIgnoreCase("y") || answer.equalsIgnoreCase("yes"))) {
            return true;
        }
        out.info("You did not join " + Transcript.clean(room.name()) + ".");
        return false;
    }
}
