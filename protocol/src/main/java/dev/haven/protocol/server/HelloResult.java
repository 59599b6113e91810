package dev.haven.protocol.server;

import dev.haven.protocol.model.UserInfo;

/**
 * @param heartbeatSeconds how often the server pings; a connection silent for twice that is closed
 * @param resume           for a guest: an opaque string that a later {@code hello {resume}} turns
 *                         back into the same guest (same id and name) while it lasts; null for a
 *                         token's user
 */
public record HelloResult(UserInfo user, int heartbeatSeconds, String resume) implements Result {
    public HelloResult(UserInfo user, int heartbeatSeconds) {
        this(user, heartbeatSeconds, null);
    }

    /** Keeps the resume out of logs. */
    @Override
    public String toString() {
        return "HelloResult[user=" + user + ", heartbeatSeconds=" + heartbeatSeconds
                + ", resume=" + (resume == null ? "none" : "***") + "]";
    }
}
