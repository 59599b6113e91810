package dev.haven.server.room;

import dev.haven.protocol.client.CheckinRequest;
import dev.haven.protocol.client.Join;
import dev.haven.protocol.client.RoomRequest;
import dev.haven.protocol.client.Send;
import dev.haven.protocol.model.CheckinInfo;
import dev.haven.protocol.model.RoomInfo;
import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.delivery.Session;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the dispatcher asks of a room: the {@link Room} itself on a lone server or on the node
 * that owns it, a proxy that forwards to the owner on the other nodes of a cluster
 * ({@code dev.haven.server.cluster}). Every request leads to exactly one call of {@code reply},
 * possibly later and from another thread; a session receives a request's reply before the
 * events that follow it.
 */
public interface RoomHandle {
    String id();

    /** The room as the directory shows it; safe from any thread. */
    RoomInfo info();

    void join(Session session, Join request, Consumer<ServerMessage> reply);

    void leave(Session session, String requestId, Consumer<ServerMessage> reply);

    void send(Session session, Send request, Consumer<ServerMessage> reply);

    /** Members' tools and facilitators' commands. */
    void command(Session session, RoomRequest request, Consumer<ServerMessage> reply);

    /** A check-in request about this room or one of its check-ins. */
    void checkin(Session session, CheckinRequest request, Consumer<ServerMessage> reply);

    /** The open check-ins of this room the session's user is in; {@code result} is called once, on any thread. */
    void listCheckins(Session session, Consumer<List<CheckinInfo>> result);

    /** The connection is gone: it leaves without a reply. */
    void disconnect(Session session);
}
