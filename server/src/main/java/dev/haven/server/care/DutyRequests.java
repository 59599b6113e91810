package dev.haven.server.care;

import dev.haven.protocol.ErrorCode;
import dev.haven.protocol.client.ClientMessage;
import dev.haven.protocol.client.SetDuty;
import dev.haven.protocol.model.Role;
import dev.haven.protocol.server.DutyResult;
import dev.haven.protocol.server.ErrorReply;
import dev.haven.protocol.server.Ok;
import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.delivery.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code duty} (a supervisor goes on or off duty) and {@code duty_roster} (facilitators and
 * supervisors: who is on duty). Members learn nothing of it beyond what their support notices
 * honestly say.
 */
public final class DutyRequests {
    private static final Logger log = LoggerFactory.getLogger(DutyRequests.class);

    private DutyRequests() {
    }

    /** Answers a {@code duty} or {@code duty_roster} request of an authenticated connection. */
    public static ServerMessage handle(SupervisorDesk desk, Session session, ClientMessage request) {
        Role role = session.identity().role();
        OnDutyRoster roster = desk.onDuty();
        if (request instanceof SetDuty set) {
            if (role != Role.SUPERVISOR) {
                return ErrorReply.of(set.id(), ErrorCode.FORBIDDEN, "only a supervisor goes on duty");
            }
            roster.set(session, set.onDuty());
            log.info("duty user={} onDuty={} supervisorsOnDuty={}", session.identity().id(), set.onDuty(),
                    roster.size());
            return new Ok(set.id(), new DutyResult(desk.onDutyEverywhere(), roster.isOnDuty(session.identity().id())));
        }
        if (!role.isStaff()) {
            return ErrorReply.of(request.id(), ErrorCode.FORBIDDEN, "only facilitators and supervisors see the duty roster");
        }
        return new Ok(request.id(), new DutyResult(desk.onDutyEverywhere(), null));
    }
}
