package dev.haven.protocol.server;

/**
 * The reply to {@code checkin_send}.
 *
 * @param seq       the message's sequence number in the check-in
 * @param duplicate true when a message with the same {@code clientId} from the same user was
 *                  accepted before: this one was not delivered again, and {@code seq} is the first's
 */
public record CheckinSendResult(long seq, Boolean duplicate) implements Result {
    public static CheckinSendResult accepted(long seq) {
        return new CheckinSendResult(seq, null);
    }

    public static CheckinSendResult duplicateOf(long seq) {
        return new CheckinSendResult(seq, true);
    }
}
