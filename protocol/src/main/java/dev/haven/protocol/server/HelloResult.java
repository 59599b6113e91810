package dev.haven.protocol.server;

import dev.haven.protocol.model.UserInfo;

/**
 * @param heartbeatSeconds how often the server pings; a connection silent for twice that is closed
 */
public record HelloResult(UserInfo user, int heartbeatSeconds) implements Result {
}
