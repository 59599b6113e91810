package dev.haven.server.room;

import dev.haven.protocol.ErrorCode;
import dev.haven.protocol.client.Join;
import dev.haven.protocol.client.Send;
import dev.haven.protocol.model.Admission;
import dev.haven.protocol.model.MemberInfo;
import dev.haven.protocol.model.PresenceKind;
import dev.haven.protocol.model.Role;
import dev.haven.protocol.model.RoomInfo;
import dev.haven.protocol.server.ErrorReply;
import dev.haven.protocol.server.JoinResult;
import dev.haven.protocol.server.MessageEvent;
import dev.haven.protocol.server.Ok;
import dev.haven.protocol.server.PresenceEvent;
import dev.haven.protocol.server.SendResult;
import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.config.HistorySettings;
import dev.haven.server.config.RoomSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One support-group room: who is present, the ordered message stream, the held history.
 *
 * <p><b>Threading.</b> Each room is bound to one executor (in the server, one of the Netty
 * worker event loops, chosen round-robin when the room is created). Every public method only
 * submits a task to that executor, and all room state is read and written inside those tasks
 * alone, so it needs no lock and every member observes one order: {@code seq} is assigned and
 * the message is handed to every session within the same task. Rooms never share state, so
 * the send-to-fan-out path takes no global lock. Replies go to the caller's {@code reply}
 * callback from the room's executor; events go to {@link Session#deliver}, which the transport
 * queues on the connection's own event loop in call order. Because a join's reply and the
 * events after it leave the same task in that order, a joiner's history and its live stream
 * meet without a gap or a duplicate.
 *
 * <p>{@link #info()} may be called from any thread; it returns a snapshot kept in a volatile.
 */
public final class Room {
    private static final Logger log = LoggerFactory.getLogger(Room.class);

    private final RoomSettings settings;
    private final Executor executor;
    private final Clock clock;
    private final FrameEncoder encoder;
    private final int maxTextChars;
    private final MessageHistory history;
    private final Map<String, Member> members = new LinkedHashMap<>();
    private long seq;
    private volatile RoomInfo info;

    public Room(RoomSettings settings, HistorySettings historySettings, int maxTextChars, Executor executor,
                Clock clock, FrameEncoder encoder) {
        this.settings = settings;
        this.executor = executor;
        this.clock = clock;
        this.encoder = encoder;
        this.maxTextChars = maxTextChars;
        this.history = new MessageHistory(historySettings.maxMessages(),
                Duration.ofSeconds(historySettings.maxAgeSeconds()), clock);
        this.info = snapshot();
    }

    public String id() {
        return settings.id();
    }

    public RoomSettings settings() {
        return settings;
    }

    /** The room as the directory shows it; safe from any thread. */
    public RoomInfo info() {
        return info;
    }

    public void join(Session session, Join request, Consumer<ServerMessage> reply) {
        answer(request.id(), reply, () -> doJoin(session, request));
    }

    public void leave(Session session, String requestId, Consumer<ServerMessage> reply) {
        answer(requestId, reply, () -> doLeave(session, requestId));
    }

    public void send(Session session, Send request, Consumer<ServerMessage> reply) {
        answer(request.id(), reply, () -> doSend(session, request));
    }

    /**
     * Runs a request on the room's executor. A fault still produces exactly one reply
     * ({@code internal}), because the connection waits for it before its next request.
     */
    private void answer(String requestId, Consumer<ServerMessage> reply, Supplier<ServerMessage> handler) {
        executor.execute(() -> {
            ServerMessage result;
            try {
                result = handler.get();
            } catch (RuntimeException e) {
                log.error("room request failed room={} error={}", id(), e.getClass().getName(), e);
                result = error(requestId, ErrorCode.INTERNAL, "the server could not handle this request");
            }
            reply.accept(result);
        });
    }

    /** The connection is gone: it leaves without a reply. Harmless for a session that never joined. */
    public void disconnect(Session session) {
        executor.execute(() -> removeSession(session));
    }

    /** Drops messages past the age bound; the server calls this periodically. */
    public void expireHistory() {
        executor.execute(history::expire);
    }

    private ServerMessage doJoin(Session session, Join request) {
        String userId = session.identity().id();
        Member member = members.get(userId);
        if (member == null || !member.has(session)) {
            if (settings.guidelines() != null && !Boolean.TRUE.equals(request.acceptGuidelines())) {
                return error(request.id(), ErrorCode.GUIDELINES_REQUIRED,
                        "this room asks members to accept its guidelines: join with acceptGuidelines true");
            }
            if (member == null) {
                Role role = session.identity().roleIn(id());
                if (settings.locked() && role != Role.FACILITATOR) {
                    return error(request.id(), ErrorCode.ROOM_LOCKED, "this room is not taking new members now");
                }
                if (members.size() >= settings.capacity()) {
                    return error(request.id(), ErrorCode.ROOM_FULL, "this room is full");
                }
                member = new Member(session.identity(), role);
                broadcast(new PresenceEvent(id(), PresenceKind.JOIN, member.info()));
                members.put(userId, member);
                info = snapshot();
                log.info("join room={} user={} role={}", id(), userId, role.wireName());
            }
            member.add(session);
        }
        long since = request.since() == null ? 0 : request.since();
        List<MessageEvent> held = request.since() == null ? history.all() : history.after(since);
        boolean gap = request.since() != null && history.hasGapAfter(since);
        return new Ok(request.id(), new JoinResult(info, presenceList(), held, seq, gap));
    }

    private ServerMessage doLeave(Session session, String requestId) {
        if (!removeSession(session)) {
            return error(requestId, ErrorCode.NOT_IN_ROOM, "you are not in this room");
        }
        return Ok.empty(requestId);
    }

    private ServerMessage doSend(Session session, Send request) {
        Member member = members.get(session.identity().id());
        if (member == null || !member.has(session)) {
            return error(request.id(), ErrorCode.NOT_IN_ROOM, "join the room before sending to it");
        }
        String text = request.text();
        if (text.length() > maxTextChars && text.codePointCount(0, text.length()) > maxTextChars) {
            return error(request.id(), ErrorCode.TOO_LARGE,
                    "a message may be at most " + maxTextChars + " characters");
        }
        MessageEvent message = new MessageEvent(id(), ++seq, member.identity().userInfoIn(id()), text,
                clock.millis(), request.clientId());
        history.append(message);
        broadcast(message);
        return new Ok(request.id(), new SendResult(message.seq()));
    }

    /** @return whether the session was in the room */
    private boolean removeSession(Session session) {
        String userId = session.identity().id();
        Member member = members.get(userId);
        if (member == null || !member.has(session)) {
            return false;
        }
        if (member.remove(session)) {
            log.info("leave room={} user={}", id(), userId);
            members.remove(userId);
            info = snapshot();
            broadcast(new PresenceEvent(id(), PresenceKind.LEAVE, member.info()));
        }
        return true;
    }

    /** Encodes the event once and hands the same frame to every session in the room. */
    private void broadcast(ServerMessage event) {
        if (members.isEmpty()) {
            return;
        }
        OutboundFrame frame = encoder.encode(event);
        try {
            for (Member member : members.values()) {
                for (Session session : member.sessions()) {
                    session.deliver(frame);
                }
            }
        } finally {
            frame.release();
        }
    }

    private List<MemberInfo> presenceList() {
        List<MemberInfo> list = new ArrayList<>(members.size());
        for (Member member : members.values()) {
            list.add(member.info());
        }
        return list;
    }

    private RoomInfo snapshot() {
        return new RoomInfo(settings.id(), settings.name(), settings.category(), settings.topic(), settings.tags(),
                members.size(), settings.capacity(), settings.locked(), Admission.OPEN, settings.guidelines());
    }

    private static ErrorReply error(String id, ErrorCode code, String message) {
        return ErrorReply.of(id, code, message);
    }
}
