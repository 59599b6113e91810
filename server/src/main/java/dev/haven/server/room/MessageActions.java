package dev.haven.server.room;

import static dev.haven.server.room.Room.error;

import dev.haven.protocol.ErrorCode;
import dev.haven.protocol.client.Delete;
import dev.haven.protocol.client.Report;
import dev.haven.protocol.model.AlertKind;
import dev.haven.protocol.server.Alert;
import dev.haven.protocol.server.MessageDeleted;
import dev.haven.protocol.server.MessageEvent;
import dev.haven.protocol.server.Ok;
import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.moderation.Permissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What anyone in a room may do about one message: delete it (a facilitator any message, a member
 * its own) and report it (to the room's facilitators, and to the supervisors when it was written
 * by a facilitator or supervisor, never to its author). Used on the room's executor alone.
 */
final class MessageActions {
    private static final Logger log = LoggerFactory.getLogger(MessageActions.class);

    private final Room room;

    MessageActions(Room room) {
        this.room = room;
    }

    /**
     * Deletes a message for everyone, and from the held history. A member may delete only its
     * own, and only while the room still holds it (so that it can be told apart from another's).
     */
    ServerMessage delete(Member actor, Delete request) {
        if (request.seq() > room.seq) {
            return error(request.id(), ErrorCode.NOT_FOUND, "no message with that seq in this room");
        }
        MessageEvent message = room.history.find(request.seq());
        boolean staff = Permissions.mayModerate(actor.role());
        if (!staff) {
            if (message == null) {
                return error(request.id(), ErrorCode.NOT_FOUND, "that message is no longer held in this room");
            }
            if (!message.from().id().equals(actor.id())) {
                return error(request.id(), ErrorCode.FORBIDDEN, "you may delete only your own messages");
            }
        }
        room.history.delete(request.seq());
        room.presence.broadcast(new MessageDeleted(room.id(), request.seq()));
        String author = message == null ? null : message.from().id();
        room.audit.record(room.clock.millis(), actor.id(), actor.name(), "delete", author,
                message == null ? null : message.from().name(), staff ? null : "own message");
        if (staff) {
            log.info("moderation room={} actor={} action=Delete", room.id(), actor.id());
        } else {
            log.info("own message deleted room={} seq={} by={}", room.id(), request.seq(), actor.id());
        }
        return Ok.empty(request.id());
    }

    /**
     * A report goes to the room's facilitators other than the message's author, or waits for the
     * next one; about a facilitator's or supervisor's message, it also goes to the supervisors
     * (never to the author), since the other staff of a room may be none, or the author's peers.
     */
    ServerMessage report(Member actor, Report request) {
        if (request.seq() > room.seq) {
            return error(request.id(), ErrorCode.NOT_FOUND, "no message with that seq in this room");
        }
        MessageEvent message = room.history.find(request.seq());
        String author = message == null ? null : message.from().id();
        String authorName = message == null ? null : message.from().name();
        // A facilitator whose own message is reported is not told who reported it.
        Alert alert = new Alert(room.id(), AlertKind.REPORT, author, authorName, request.seq(), actor.id(),
                request.reason(), room.clock.millis());
        boolean delivered = room.presence.toFacilitatorsExcept(author, alert);
        int supervisors = message != null && message.from().role().isStaff()
                ? room.care.alertSupervisorsExcept(author, alert) : 0;
        if (!delivered && room.pendingReports.add(alert)) {
            log.warn("pending report dropped room={} (over {})", room.id(), PendingReports.MAX_PENDING);
        }
        log.info("report room={} seq={} by={} pending={} supervisors={}", room.id(), request.seq(), actor.id(),
                !delivered, supervisors);
        return Ok.empty(request.id());
    }
}
