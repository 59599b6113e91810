package dev.haven.server.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.haven.protocol.ProtocolCodec;
import dev.haven.protocol.server.EmptyResult;
import dev.haven.protocol.server.ErrorReply;
import dev.haven.protocol.server.Ok;
import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.delivery.FrameRelay;
import dev.haven.server.delivery.OutboundFrame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the rooms this node owns have for the connections of one other node, sent as batches.
 * A room's task adds replies and events as it produces them; the sender thread sends what has
 * gathered as one {@link Envelope.Batch} as soon as it runs, so a broadcast to many members of
 * that node usually leaves as one message, and the wire carries an event's JSON once per node.
 *
 * <p><b>Threading.</b> Rooms add from their own threads under this object's lock, so each room's
 * items keep their order. One sender thread drains and sends, so batches leave in the order
 * they were drained, and the {@link NodeBus} keeps that order to the other node.
 */
final class NodeOutbox {
    private static final Logger log = LoggerFactory.getLogger(NodeOutbox.class);

    private final NodeId to;
    private final NodeBus bus;
    private final Executor sender;
    private final FrameRelay relay;
    private final ProtocolCodec codec;
    private final ObjectMapper results;
    private List<Object> queue = new ArrayList<>();
    private boolean scheduled;
    /** The last frame given and its JSON: a broadcast gives the same frame for each recipient. */
    private OutboundFrame lastFrame;
    private byte[] lastJson;

    /** An event gathering its recipients on this node. */
    private static final class Gathering {
        final String room;
        final long epoch;
        final byte[] json;
        long[] conns = new long[4];
        int count;

        Gathering(String room, long epoch, byte[] json) {
            this.room = room;
            this.epoch = epoch;
            this.json = json;
        }

        void add(long conn) {
            if (count == conns.length) {
                conns = Arrays.copyOf(conns, count * 2);
            }
            conns[count++] = conn;
        }
    }

    NodeOutbox(NodeId to, NodeBus bus, Executor sender, FrameRelay relay, ProtocolCodec codec, ObjectMapper results) {
        this.to = to;
        this.bus = bus;
        this.sender = sender;
        this.relay = relay;
        this.codec = codec;
        this.results = results;
    }

    /** An event encoded once for many recipients; its JSON is taken now, before the room releases it. */
    synchronized void event(String room, long epoch, long conn, OutboundFrame frame) {
        byte[] json;
        if (frame == lastFrame) {
            json = lastJson;
        } else {
            json = relay.json(frame);
            lastFrame = frame;
            lastJson = json;
        }
        gather(room, epoch, conn, json);
    }

    /** An event for one connection alone. */
    synchronized void message(String room, long epoch, long conn, ServerMessage message) {
        gather(room, epoch, conn, codec.encode(message));
    }

    /** The reply to request {@code req} of connection {@code conn}; {@code epoch} 0 from a node that does not own the room. */
    synchronized void reply(String room, long epoch, long conn, long req, ServerMessage reply) {
        queue.add(item(room, epoch, conn, req, reply));
        schedule();
    }

    private Envelope.Item item(String room, long epoch, long conn, long req, ServerMessage reply) {
        if (reply instanceof Ok ok) {
            try {
                byte[] fields = ok.result() instanceof EmptyResult ? new byte[0] : results.writeValueAsBytes(ok.result());
                return new Envelope.OkReply(room, epoch, conn, req, ok.result().getClass().getSimpleName(), fields);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot encode a " + ok.result().getClass().getSimpleName(), e);
            }
        }
        if (reply instanceof ErrorReply error) {
            return new Envelope.ErrorItem(room, epoch, conn, req, error.code().wireName(), error.message(),
                    error.retryAfterMs() == null ? -1 : error.retryAfterMs());
        }
        throw new IllegalArgumentException("a reply is ok or error, not " + reply.getClass().getSimpleName());
    }

    private void gather(String room, long epoch, long conn, byte[] json) {
        Object last = queue.isEmpty() ? null : queue.get(queue.size() - 1);
        if (last instanceof Gathering gathering && gathering.json == json && gathering.room.equals(room)
                && gathering.epoch == epoch) {
            gathering.add(conn);
        } else {
            Gathering gathering = new Gathering(room, epoch, json);
            gathering.add(conn);
            queue.add(gathering);
        }
        schedule();
    }

    private void schedule() {
        if (!scheduled) {
            scheduled = true;
            sender.execute(this::flush);
        }
    }

    /** On the sender thread. */
    private void flush() {
        List<Object> drained;
        synchronized (this) {
            drained = queue;
            queue = new ArrayList<>();
            scheduled = false;
            lastFrame = null;
            lastJson = null;
        }
        List<Envelope.Item> items = new ArrayList<>(drained.size());
        for (Object pending : drained) {
            if (pending instanceof Gathering g) {
                items.add(new Envelope.Event(g.room, g.epoch, Arrays.copyOf(g.conns, g.count), g.json));
            } else {
                items.add((Envelope.Item) pending);
            }
        }
        bus.send(to, Envelope.encode(new Envelope.Batch(items))).whenComplete((sent, error) -> {
            if (error != null) {
                // The receiver sees the gap at the next batch and makes its connections whole.
                log.warn("a batch to node {} was lost: {}", to, LuaScript.unwrap(error).getClass().getSimpleName());
            }
        });
    }
}
