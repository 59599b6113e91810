package dev.haven.protocol.server;

/**
 * @param seq  the sequence number the room gave the accepted message; null when it was held
 * @param held true when the message was shown to the room's facilitators only, for now
 */
public record SendResult(Long seq, Boolean held) implements Result {
    public SendResult(long seq) {
        this(Long.valueOf(seq), null);
    }

    public static SendResult heldForFacilitators() {
        return new SendResult(null, true);
    }
}
