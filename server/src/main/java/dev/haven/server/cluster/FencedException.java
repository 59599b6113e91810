package dev.haven.server.cluster;

/**
 * A write refused because its lease no longer holds the room: it lapsed, or another node took
 * the room over. The writer is not the room's owner any more and must stop acting for it.
 */
public final class FencedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FencedException(String room) {
        super("the lease on room " + room + " is no longer held", null, false, false);
    }
}
