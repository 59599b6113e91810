package dev.haven.server.room;

import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.auth.Identity;
import dev.haven.server.delivery.OutboundFrame;
import dev.haven.server.delivery.Session;
import java.util.ArrayList;
import java.util.List;

/** A session that records what the room gives it, in order. */
class FakeSession implements Session {
    private final Identity identity;
    final List<ServerMessage> received = new ArrayList<>();

    FakeSession(Identity identity) {
        this.identity = identity;
    }

    @Override
    public Identity identity() {
        return identity;
    }

    @Override
    public String remoteAddress() {
        return "192.0.2.1";
    }

    @Override
    public void deliver(OutboundFrame frame) {
        received.add(((FakeFrameEncoder.FakeFrame) frame).event());
    }

    @Override
    public void send(ServerMessage message) {
        received.add(message);
    }

    <T extends ServerMessage> List<T> received(Class<T> type) {
        return received.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
