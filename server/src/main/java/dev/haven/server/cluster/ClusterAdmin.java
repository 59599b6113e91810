package dev.haven.server.cluster;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.haven.protocol.ProtocolCodec;
import dev.haven.server.admin.AdminCluster;
import dev.haven.server.admin.ApiRequest;
import dev.haven.server.admin.ApiResponse;
import dev.haven.server.care.AlertSummary;
import dev.haven.server.config.RoomSettings;
import dev.haven.server.room.Room;
import dev.haven.server.room.RoomRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API across the nodes of a cluster: a request about one room is run by the admin API
 * of the node that serves the room (forwarded whole, token included, as a {@link NodeCalls}
 * call); the open alerts and "end a user's sessions" ask every node; a room created, changed or
 * archived is told to every node, so each node's directory and its rooms' settings follow.
 */
final class ClusterAdmin implements AdminCluster {
    private static final Logger log = LoggerFactory.getLogger(ClusterAdmin.class);
    static final String ADMIN = "admin";
    static final String ALERTS = "alerts";
    static final String END_SESSIONS = "end-sessions";
    static final String ROOM_CHANGED = "room-changed";
    static final String ROOM_ARCHIVED = "room-archived";
    private static final String MOVING = "{\"type\":\"error\",\"code\":\"unavailable\","
            + "\"message\":\"the room is moving to another node; try again shortly\",\"retryAfterMs\":1000}";

    private final ClusterNode node;
    private final NodeCalls calls;
    private final RoomRegistry registry;
    /** The other live nodes, read from the store at the time of the call (a node that started a moment ago counts). */
    private final Supplier<CompletableFuture<Set<NodeId>>> others;
    private final ObjectMapper json = ProtocolCodec.newMapper();
    private volatile Function<ApiRequest, CompletableFuture<ApiResponse>> here;
    private volatile ToIntFunction<String> endSessions = user -> 0;

    /** A request forwarded to the node that serves its room. */
    record Forwarded(String room, ApiRequest request) {
    }

    ClusterAdmin(ClusterNode node, NodeCalls calls, RoomRegistry registry,
                 Supplier<CompletableFuture<Set<NodeId>>> others) {
        this.node = node;
        this.calls = calls;
        this.registry = registry;
        this.others = others;
        calls.on(ADMIN, (from, payload) -> answerAdmin(read(payload, Forwarded.class)).thenApply(this::write));
        calls.on(ALERTS, (from, payload) -> alertsHere().thenApply(this::write));
        calls.on(END_SESSIONS, (from, payload) -> CompletableFuture.completedFuture(
                write(endSessions.applyAsInt(new String(payload, StandardCharsets.UTF_8)))));
        calls.on(ROOM_CHANGED, (from, payload) -> {
            changedElsewhere(read(payload, RoomSettings.class));
            return CompletableFuture.completedFuture(new byte[0]);
        });
        calls.on(ROOM_ARCHIVED, (from, payload) -> {
            archivedElsewhere(new String(payload, StandardCharsets.UTF_8));
            return CompletableFuture.completedFuture(new byte[0]);
        });
    }

    /** What this node's admin API does with a request it runs itself, and how it ends a user's sessions. */
    void serve(Function<ApiRequest, CompletableFuture<ApiResponse>> handleHere, ToIntFunction<String> endHere) {
        this.here = handleHere;
        this.endSessions = endHere;
    }

    @Override
    public CompletableFuture<ApiResponse> atOwner(String roomId, ApiRequest request) {
        ClusteredRoom room = node.room(roomId);
        if (room == null || room.tenure() != null) {
            return null;
        }
        return room.locate().thenCompose(target -> {
            if (target instanceof RoomTenure tenure) {
                return tenure.ready.thenCompose(served -> here.apply(request));
            }
            if (target instanceof Lease owner) {
                return calls.call(owner.node(), ADMIN, write(new Forwarded(roomId, request)))
                        .thenApply(answer -> read(answer, ApiResponse.class));
            }
            return CompletableFuture.completedFuture(moving());
        }).exceptionally(error -> moving());
    }

    private CompletableFuture<ApiResponse> answerAdmin(Forwarded forwarded) {
        ClusteredRoom room = node.room(forwarded.room());
        RoomTenure tenure = room == null ? null : room.tenure();
        if (tenure == null || here == null) {
            return CompletableFuture.completedFuture(moving());
        }
        return tenure.ready.thenCompose(served -> here.apply(forwarded.request()));
    }

    @Override
    public CompletableFuture<List<AlertSummary>> alertsElsewhere() {
        return others.get().thenCompose(to -> calls.callAll(to, ALERTS, new byte[0])).thenApply(answers -> {
            List<AlertSummary> all = new ArrayList<>();
            answers.forEach(answer -> all.addAll(read(answer, new TypeReference<List<AlertSummary>>() { })));
            return all;
        });
    }

    /** The open alerts of the rooms this node serves. */
    private CompletableFuture<List<AlertSummary>> alertsHere() {
        List<CompletableFuture<List<AlertSummary>>> perRoom = new ArrayList<>();
        for (ClusteredRoom room : node.rooms()) {
            Room served = room.servingRoom();
            if (served != null) {
                perRoom.add(served.operations().openAlerts());
            }
        }
        return CompletableFuture.allOf(perRoom.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<AlertSummary> all = new ArrayList<>();
            perRoom.forEach(room -> all.addAll(room.join()));
            return all;
        });
    }

    @Override
    public CompletableFuture<Integer> endSessionsElsewhere(String userId) {
        return others.get().thenCompose(to -> calls.callAll(to, END_SESSIONS, userId.getBytes(StandardCharsets.UTF_8)))
                .thenApply(answers -> answers.stream().mapToInt(answer -> read(answer, Integer.class)).sum());
    }

    @Override
    public void roomChanged(RoomSettings settings) {
        byte[] payload = write(settings);
        others.get().thenAccept(to -> calls.callAll(to, ROOM_CHANGED, payload));
    }

    @Override
    public void roomArchived(String roomId) {
        node.archived(roomId);
        others.get().thenAccept(to -> calls.callAll(to, ROOM_ARCHIVED, roomId.getBytes(StandardCharsets.UTF_8)));
    }

    /** Another node created or changed a room: this node's directory and instance follow. */
    private void changedElsewhere(RoomSettings settings) {
        Room room = registry.find(settings.id());
        if (room == null) {
            registry.create(settings);
        } else {
            room.operations().reconfigure(settings);
        }
        log.info("room changed on another node room={}", settings.id());
    }

    private void archivedElsewhere(String roomId) {
        Room room = registry.find(roomId);
        node.archived(roomId);
        if (room != null) {
            room.operations().archive().whenComplete((present, error) -> registry.remove(room));
        }
        log.info("room archived on another node room={}", roomId);
    }

    private static ApiResponse moving() {
        return new ApiResponse(503, MOVING, 1, null);
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(byte[] bytes, Class<T> type) {
        try {
            return json.readValue(bytes, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(byte[] bytes, TypeReference<T> type) {
        try {
            return json.readValue(bytes, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
