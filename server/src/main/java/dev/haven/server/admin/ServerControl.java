package dev.haven.server.admin;

/** What the admin API asks of the running server beyond its rooms; implemented by the transport. */
public interface ServerControl {
    /**
     * Closes every connection of this user, in every room, with close code 4001 ("signed out by
     * an operator"); its clients do not reconnect by themselves.
     *
     * @return how many connections were closed
     */
    int endSessions(String userId);
}
