package dev.haven.server.delivery;

import dev.haven.protocol.server.ServerMessage;

/** Encodes an event once, for fan-out to many sessions. */
public interface FrameEncoder {
    OutboundFrame encode(ServerMessage event);
}
