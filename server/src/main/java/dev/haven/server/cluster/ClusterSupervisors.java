package dev.haven.server.cluster;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.haven.protocol.ProtocolCodec;
import dev.haven.protocol.ProtocolException;
import dev.haven.protocol.model.OnDuty;
import dev.haven.protocol.server.Alert;
import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.care.SupervisorDesk;
import dev.haven.server.care.SupervisorRelay;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supervisors of the whole cluster, for this node's {@link SupervisorDesk}: what a room this
 * node owns escalates is written to the {@link SupervisorBoard} (so a supervisor who connects
 * later, to any node, receives it) and sent to every other live node's desk
 * ({@link Envelope.Supervise}); what other nodes send arrives through {@link #received}. Each
 * heartbeat, the node says who its supervisors are and learns every other node's, so that an
 * escalation counts the supervisors on duty wherever they are connected.
 *
 * <p><b>Threading.</b> Called from rooms' threads (never blocking), the inbox's thread and the
 * cluster's scheduler; what it learned of other nodes is in volatiles.
 */
final class ClusterSupervisors implements SupervisorRelay {
    private static final Logger log = LoggerFactory.getLogger(ClusterSupervisors.class);
    private static final byte ESCALATED = 1;
    private static final byte UPDATED = 2;
    private static final byte CLOSED = 3;
    private static final byte FORGOTTEN = 4;
    private static final byte ALERTED = 5;

    private final SupervisorDesk desk;
    private final SupervisorBoard board;
    private final NodeBus bus;
    private final Supplier<Set<NodeId>> others;
    private final ProtocolCodec codec;
    private final ObjectMapper json = ProtocolCodec.newMapper();
    private volatile List<OnDuty> onDutyElsewhere = List.of();
    private volatile int onlineElsewhere;

    /** What one node says of its supervisors. */
    record Duty(int online, List<OnDuty> onDuty) {
    }

    /** @param others the live nodes but this one */
    ClusterSupervisors(SupervisorDesk desk, SupervisorBoard board, NodeBus bus, Supplier<Set<NodeId>> others,
                       ProtocolCodec codec) {
        this.desk = desk;
        this.board = board;
        this.bus = bus;
        this.others = others;
        this.codec = codec;
    }

    @Override
    public void escalated(Alert alert) {
        byte[] frame = codec.encode(alert);
        logged(board.escalated(alert.room(), alert.alertId(), frame));
        broadcast(ESCALATED, "", frame);
    }

    @Override
    public void updated(Alert update, boolean closes) {
        byte[] frame = codec.encode(update);
        logged(closes ? board.closed(update.room(), update.alertId())
                : board.updated(update.room(), update.alertId(), frame));
        broadcast(closes ? CLOSED : UPDATED, "", frame);
    }

    /** Sent as the alert's id in place of a user, and its room in place of a frame. */
    @Override
    public void forgotten(String room, String alertId) {
        logged(board.closed(room, alertId));
        broadcast(FORGOTTEN, alertId, room.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void alerted(String exceptUser, Alert alert) {
        broadcast(ALERTED, exceptUser == null ? "" : exceptUser, codec.encode(alert));
    }

    @Override
    public List<OnDuty> onDutyElsewhere() {
        return onDutyElsewhere;
    }

    @Override
    public int onlineElsewhere() {
        return onlineElsewhere;
    }

    @Override
    public CompletableFuture<List<List<Alert>>> open() {
        return board.open().thenApply(all -> {
            List<List<Alert>> open = new ArrayList<>();
            for (List<byte[]> frames : all) {
                List<Alert> alerts = new ArrayList<>();
                frames.forEach(frame -> {
                    Alert alert = decode(frame);
                    if (alert != null) {
                        alerts.add(alert);
                    }
                });
                open.add(alerts);
            }
            return open;
        }).exceptionally(error -> List.of());
    }

    /** What another node's room escalated, for this node's supervisors. */
    void received(Envelope.Supervise supervise) {
        if (supervise.kind() == FORGOTTEN) {
            desk.forgottenElsewhere(new String(supervise.alert(), StandardCharsets.UTF_8), supervise.exceptUser());
            return;
        }
        Alert alert = decode(supervise.alert());
        if (alert == null) {
            return;
        }
        switch (supervise.kind()) {
            case ESCALATED -> desk.escalatedElsewhere(alert);
            case UPDATED -> desk.updatedElsewhere(alert, false);
            case CLOSED -> desk.updatedElsewhere(alert, true);
            case ALERTED -> desk.alertExceptHere(supervise.exceptUser().isEmpty() ? null : supervise.exceptUser(), alert);
            default -> log.warn("an unknown supervisors' message kind {}", supervise.kind());
        }
    }

    /** Says who this node's supervisors are, and learns the other live nodes'. */
    CompletableFuture<Void> dutyRound(NodeId self, Set<NodeId> live) {
        byte[] mine;
        try {
            mine = json.writeValueAsBytes(new Duty(desk.online(), desk.onDuty().list()));
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        return board.duty(self, mine).thenAccept(all -> {
            List<OnDuty> onDuty = new ArrayList<>();
            int online = 0;
            for (Map.Entry<NodeId, byte[]> entry : all.entrySet()) {
                if (entry.getKey().equals(self) || !live.contains(entry.getKey())) {
                    continue;
                }
                try {
                    Duty duty = json.readValue(entry.getValue(), new TypeReference<Duty>() { });
                    online += duty.online();
                    onDuty.addAll(duty.onDuty());
                } catch (IOException e) {
                    log.warn("node {} said something unreadable of its supervisors", entry.getKey());
                }
            }
            onDutyElsewhere = List.copyOf(onDuty);
            onlineElsewhere = online;
        });
    }

    private void broadcast(byte kind, String exceptUser, byte[] alert) {
        byte[] envelope = Envelope.encode(new Envelope.Supervise(kind, exceptUser, alert));
        for (NodeId node : others.get()) {
            bus.send(node, envelope);
        }
    }

    private Alert decode(byte[] frame) {
        try {
            ServerMessage message = codec.decodeServer(new String(frame, StandardCharsets.UTF_8), id -> null);
            return message instanceof Alert alert ? alert : null;
        } catch (ProtocolException e) {
            log.warn("an unreadable alert from another node: {}", e.code().wireName());
            return null;
        }
    }

    private static void logged(CompletableFuture<Void> write) {
        write.exceptionally(error -> {
            log.warn("the supervisors' board could not be written: {}", LuaScript.unwrap(error).getClass().getSimpleName());
            return null;
        });
    }
}
