package dev.haven.server.session;

import dev.haven.protocol.CloseCode;
import dev.haven.protocol.ErrorCode;
import dev.haven.protocol.InvalidFieldException;
import dev.haven.protocol.client.CheckinRequest;
import dev.haven.protocol.client.CheckinSend;
import dev.haven.protocol.client.ClientMessage;
import dev.haven.protocol.client.DutyRoster;
import dev.haven.protocol.client.Hello;
import dev.haven.protocol.client.Join;
import dev.haven.protocol.client.Leave;
import dev.haven.protocol.client.ListRooms;
import dev.haven.protocol.client.Ping;
import dev.haven.protocol.client.RoomRequest;
import dev.haven.protocol.client.Send;
import dev.haven.protocol.client.SetDuty;
import dev.haven.protocol.model.Role;
import dev.haven.protocol.server.ErrorReply;
import dev.haven.protocol.server.HelloResult;
import dev.haven.protocol.server.Ok;
import dev.haven.protocol.server.RoomsResult;
import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.auth.AuthException;
import dev.haven.server.auth.GuestNames;
import dev.haven.server.auth.GuestResume;
import dev.haven.server.auth.Identity;
import dev.haven.server.auth.TokenService;
import dev.haven.server.care.DutyRequests;
import dev.haven.server.config.AuthSettings;
import dev.haven.server.limits.FloodGuard;
import dev.haven.server.room.RoomHandle;
import dev.haven.server.room.RoomRegistry;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers each decoded request of a connection, or hands it to its room. Stateless: what a
 * connection is lives in its {@link Connection}. Called on the connection's thread; every
 * request leads to exactly one call of {@code reply}, possibly later and from a room's thread.
 */
public final class RequestDispatcher {
    private static final Logger log = LoggerFactory.getLogger(RequestDispatcher.class);

    private final RoomRegistry rooms;
    private final TokenService tokens;
    private final GuestResume resumes;
    private final boolean allowGuests;
    private final int heartbeatSeconds;
    private final CheckinRouter checkins;

    /** Guests resume for the default time ({@link AuthSettings#DEFAULT_GUEST_RESUME_SECONDS}). */
    public RequestDispatcher(RoomRegistry rooms, TokenService tokens, boolean allowGuests, int heartbeatSeconds) {
        this(rooms, tokens, tokens.guestResume(Duration.ofSeconds(AuthSettings.DEFAULT_GUEST_RESUME_SECONDS)),
                allowGuests, heartbeatSeconds);
    }

    public RequestDispatcher(RoomRegistry rooms, TokenService tokens, GuestResume resumes, boolean allowGuests,
                             int heartbeatSeconds) {
        this.rooms = rooms;
        this.tokens = tokens;
        this.resumes = resumes;
        this.allowGuests = allowGuests;
        this.heartbeatSeconds = heartbeatSeconds;
        this.checkins = new CheckinRouter(rooms);
    }

    public void dispatch(Connection connection, ClientMessage request, Consumer<ServerMessage> reply) {
        if (request instanceof Hello hello) {
            hello(connection, hello, reply);
        } else if (connection.identity() == null) {
            reply.accept(ErrorReply.of(request.id(), ErrorCode.UNAUTHENTICATED, "send hello first"));
        } else if (request instanceof Ping ping) {
            reply.accept(Ok.empty(ping.id()));
        } else if (request instanceof ListRooms list) {
            reply.accept(new Ok(list.id(), new RoomsResult(rooms.list(list.category(), list.tag(), list.q()))));
        } else if (request instanceof Join join) {
            withRoom(join.room(), join.id(), reply, room -> {
                connection.rooms().add(room.id());
                room.join(connection, join, reply);
            });
        } else if (request instanceof Leave leave) {
            withRoom(leave.room(), leave.id(), reply, room -> {
                connection.rooms().remove(room.id());
                room.leave(connection, leave.id(), reply);
            });
        } else if (request instanceof Send send) {
            if (admitSend(connection, send, reply)) {
                withRoom(send.room(), send.id(), reply, room -> room.send(connection, send, reply));
            }
        } else if (request instanceof SetDuty || request instanceof DutyRoster) {
            reply.accept(DutyRequests.handle(rooms.care().supervisors(), connection, request));
        } else if (request instanceof RoomRequest roomRequest) {
            withRoom(roomRequest.room(), roomRequest.id(), reply, room -> room.command(connection, roomRequest, reply));
        } else if (request instanceof CheckinRequest checkin) {
            // A check-in message counts against the same rate as a message to a room.
            if (!(checkin instanceof CheckinSend) || admitSend(connection, checkin, reply)) {
                checkins.route(connection, checkin, reply);
            }
        } else {
            throw new IllegalStateException("no handler for " + request.getClass().getSimpleName());
        }
    }

    private static boolean admitSend(Connection connection, ClientMessage send, Consumer<ServerMessage> reply) {
        FloodGuard.Verdict verdict = connection.floodGuard().onSend();
        if (verdict instanceof FloodGuard.Allow) {
            return true;
        }
        long retryAfterMs = verdict instanceof FloodGuard.Refuse refuse ? refuse.retryAfterMs() : 1000;
        reply.accept(new ErrorReply(send.id(), ErrorCode.RATE_LIMITED, "too many messages at once; wait a moment",
                retryAfterMs));
        if (verdict instanceof FloodGuard.Close) {
            log.info("closing a flooding connection user={} remote={}", connection.identity().id(),
                    connection.remoteAddress());
            connection.close(CloseCode.POLICY_VIOLATION, "flooding");
        }
        return false;
    }

    /** The connection is gone: every room it may be in hears of it. */
    public void disconnected(Connection connection) {
        Identity identity = connection.identity();
        if (identity != null && identity.role() == Role.SUPERVISOR) {
            rooms.care().supervisors().unregister(connection);
        }
        for (String roomId : connection.rooms()) {
            RoomHandle room = rooms.handle(roomId);
            if (room != null) {
                room.disconnect(connection);
            }
        }
        connection.rooms().clear();
    }

    private Identity resumeGuest(String resume) throws AuthException {
        if (!allowGuests) {
            throw new AuthException("this server needs a token; guests are off");
        }
        return resumes.resume(resume);
    }

    private void withRoom(String roomId, String requestId, Consumer<ServerMessage> reply, Consumer<RoomHandle> action) {
        RoomHandle room = rooms.handle(roomId);
        if (room == null) {
            reply.accept(ErrorReply.of(requestId, ErrorCode.NOT_FOUND, "no room with that id"));
            return;
        }
        action.accept(room);
    }

    private void hello(Connection connection, Hello hello, Consumer<ServerMessage> reply) {
        if (connection.identity() != null) {
            reply.accept(ErrorReply.of(hello.id(), ErrorCode.BAD_REQUEST, "hello was already accepted on this connection"));
            return;
        }
        Identity identity;
        if (hello.token() != null || hello.resume() != null) {
            try {
                identity = hello.token() != null ? tokens.verify(hello.token()) : resumeGuest(hello.resume());
                if (identity.role() == Role.ADMIN) {
                    throw new AuthException("an admin token is for the admin API (/api/v1), not for chat");
                }
            } catch (AuthException e) {
                log.info("hello refused: {} remote={}", e.getMessage(), connection.remoteAddress());
                reply.accept(ErrorReply.of(hello.id(), ErrorCode.UNAUTHENTICATED, e.getMessage()));
                connection.close(CloseCode.UNAUTHENTICATED, hello.token() != null ? "invalid token" : "invalid resume");
                return;
            }
        } else if (!allowGuests) {
            reply.accept(ErrorReply.of(hello.id(), ErrorCode.UNAUTHENTICATED, "this server needs a token; guests are off"));
            return;
        } else {
            try {
                identity = new Identity(GuestNames.newGuestId(), GuestNames.cleanPseudonym(hello.name()), Role.MEMBER,
                        null, true);
            } catch (InvalidFieldException e) {
                reply.accept(ErrorReply.of(hello.id(), ErrorCode.BAD_REQUEST, e.getMessage()));
                return;
            }
        }
        connection.authenticate(identity);
        // DEBUG: the connection's one INFO line, when it ends, names the user (docs/performance.md, "Logging").
        if (log.isDebugEnabled()) {
            log.debug("hello user={} role={} guest={} resumed={} remote={}", identity.id(), identity.role().wireName(),
                    identity.guest(), hello.token() == null && hello.resume() != null, connection.remoteAddress());
        }
        // A resumed guest keeps the resume it came with: its lifetime counts from the first hello.
        String resume = !identity.guest() ? null : hello.resume() != null ? hello.resume() : resumes.issue(identity);
        reply.accept(new Ok(hello.id(), new HelloResult(identity.userInfo(), heartbeatSeconds, resume)));
        if (identity.role() == Role.SUPERVISOR) {
            // After the reply, so the escalations still open follow it.
            rooms.care().supervisors().register(connection);
        }
    }
}
