package dev.haven.protocol.server;

/**
 * @param seq       the sequence number the room gave the accepted message; null when it was held
 * @param held      true when the message was shown to the room's facilitators only, for now
 * @param duplicate true when the same user had this {@code clientId} accepted in the room already
 *                  (a retry): nothing was delivered again, and {@code seq} is the first message's
 */
public record SendResult(Long seq, Boolean held, Boolean duplicate) implements Result {
    public SendResult(long seq) {
        this(Long.valueOf(seq), null, null);
    }

    public SendResult(Long seq, Boolean held) {
        this(seq, held, null);
    }

    public static SendResult heldForFacilitators() {
        return new SendResult(null, true, null);
    }

    /** A retry of a message already accepted as {@code seq}. */
    public static SendResult duplicateOf(long seq) {
        return new SendResult(seq, null, true);
    }
}
