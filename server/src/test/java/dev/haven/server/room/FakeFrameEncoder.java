package dev.haven.server.room;

import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.delivery.FrameEncoder;
import dev.haven.server.delivery.OutboundFrame;

/** Keeps the event itself instead of bytes, and counts encodings and releases. */
final class FakeFrameEncoder implements FrameEncoder {
    int encoded;
    int released;

    @Override
    public OutboundFrame encode(ServerMessage event) {
        encoded++;
        return new FakeFrame(event, this);
    }

    record FakeFrame(ServerMessage event, FakeFrameEncoder owner) implements OutboundFrame {
        @Override
        public void release() {
            owner.released++;
        }
    }
}
