package dev.haven.server.checkin;

import dev.haven.protocol.ErrorCode;
import dev.haven.protocol.client.CheckinClose;
import dev.haven.protocol.client.CheckinHistory;
import dev.haven.protocol.client.CheckinOpen;
import dev.haven.protocol.client.CheckinRequest;
import dev.haven.protocol.client.CheckinSend;
import dev.haven.protocol.model.CheckinInfo;
import dev.haven.protocol.model.Role;
import dev.haven.protocol.model.UserInfo;
import dev.haven.protocol.server.CheckinEvent;
import dev.haven.protocol.server.CheckinHistoryResult;
import dev.haven.protocol.server.CheckinMessage;
import dev.haven.protocol.server.CheckinResult;
import dev.haven.protocol.server.CheckinSendResult;
import dev.haven.protocol.server.ErrorReply;
import dev.haven.protocol.server.Ok;
import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.auth.Identity;
import dev.haven.server.care.RoomCare;
import dev.haven.server.care.SupervisorDesk;
import dev.haven.server.care.detect.Detection;
import dev.haven.server.config.HavenConfig;
import dev.haven.server.delivery.Session;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The check-ins of one room: at most one open per member, each with its own gapless
 * {@code seq}. Who is in a check-in: its member (every connection of that user in the room),
 * every facilitator or supervisor present in the room, and the staff who opened, joined or wrote
 * in it (a supervisor reaches it from an escalated alert without joining the room, through the
 * supervisors' desk); see {@link CheckinAudience}. Connections of those people that are not in
 * the room are kept with the check-in once they ask about it, or when they leave the room, so
 * they hear it too. Nobody
 * else is told anything, nor given an error that differs from the one for a check-in that does
 * not exist. Opening, joining and closing are audited; the text never is, and never reaches a
 * log line, an error or a metric.
 *
 * <p><b>Threading and time.</b> A room's check-ins are part of the room: they are used on its
 * executor alone, like everything else the room holds, so they need no lock, one check-in's
 * messages reach everyone in the same order, and a check-in needs no server-wide registry (its
 * id names its room; see {@link CheckinIds}). The idle lifetime is read from the injected clock
 * by a timer on the room's executor, set for the earliest check-in to lapse, and by the room's
 * periodic sweep.
 */
public final class RoomCheckins {
    private static final Logger log = LoggerFactory.getLogger(RoomCheckins.class);

    private final CheckinRoom room;
    private final RoomCare care;
    private final CheckinAudience audience;
    private final Clock clock;
    private final CheckinIds ids = new CheckinIds();
    private final int maxTextChars;
    private final int maxMessages;
    private final long maxAgeMillis;
    private final long idleMillis;
    private final Map<String, CheckinThread> byId = new LinkedHashMap<>();
    private final Map<String, CheckinThread> byMember = new HashMap<>();
    private boolean expiryPending;
    /** Written on the room's thread, read by the metrics scrape on another. */
    private volatile int openCount;

    public RoomCheckins(CheckinRoom room, RoomCare care, SupervisorDesk supervisors, HavenConfig config, Clock clock) {
        this.room = room;
        this.care = care;
        this.audience = new CheckinAudience(room, supervisors);
        this.clock = clock;
        this.maxTextChars = config.limits().maxTextChars();
        this.maxMessages = config.history().maxMessages();
        this.maxAgeMillis = config.history().maxAgeSeconds() * 1000;
        this.idleMillis = config.checkins().idleSeconds() * 1000L;
    }

    /** A check-in request that names this room, or a check-in of it. */
    public ServerMessage handle(Session session, CheckinRequest request) {
        if (request instanceof CheckinOpen open) {
            return open(session, open);
        }
        String checkinId = request instanceof CheckinSend send ? send.checkin()
                : request instanceof CheckinHistory history ? history.checkin()
                : request instanceof CheckinClose close ? close.checkin() : null;
        CheckinThread thread = checkinId == null ? null : byId.get(checkinId);
        if (thread == null || !audience.isIn(thread, session.identity().id())) {
            // The same answer whether it does not exist or the caller is not in it.
            return ErrorReply.of(request.id(), ErrorCode.NOT_FOUND, "no open check-in with that id");
        }
        audience.reachThrough(thread, session);
        if (request instanceof CheckinSend send) {
            return send(thread, session.identity(), send);
        } else if (request instanceof CheckinHistory history) {
            long since = history.since() == null ? 0 : history.since();
            return new Ok(history.id(), new CheckinHistoryResult(audience.info(thread), thread.transcript.after(since),
                    history.since() != null && thread.transcript.hasGapAfter(since)));
        } else if (request instanceof CheckinClose close) {
            return close(thread, session.identity(), close);
        }
        throw new IllegalStateException("no handler for " + request.getClass().getSimpleName());
    }

    /**
     * The open check-ins this connection's user is in; the connection hears them from now on.
     * Never fails: {@code checkins} waits for every room's answer.
     */
    public List<CheckinInfo> list(Session session) {
        List<CheckinInfo> result = new ArrayList<>();
        try {
            for (CheckinThread thread : byId.values()) {
                if (audience.isIn(thread, session.identity().id())) {
                    audience.reachThrough(thread, session);
                    result.add(audience.info(thread));
                }
            }
        } catch (RuntimeException e) {
            log.error("check-in list failed room={} error={}", room.id(), e.getClass().getName(), e);
        }
        return result;
    }

    // ---------------------------------------------------------------- requests

    private ServerMessage open(Session session, CheckinOpen request) {
        Identity caller = session.identity();
        UserInfo here = room.present(caller.id());
        boolean presentStaff = here != null && here.role().isStaff();
        if (!presentStaff && caller.role() != Role.SUPERVISOR) {
            return caller.roleIn(room.id()).isStaff()
                    ? error(request, ErrorCode.NOT_IN_ROOM, "join the room to open a check-in")
                    : error(request, ErrorCode.FORBIDDEN, "only the room's facilitators open check-ins;"
                            + " to talk to one privately, ask for a facilitator");
        }
        if (request.user().equals(caller.id())) {
            return error(request, ErrorCode.FORBIDDEN, "a check-in is with a member of the room");
        }
        RoomCare.AlertRef alert = request.alertId() == null ? null : care.openAlert(request.alertId());
        if (request.alertId() != null && (alert == null || !alert.member().equals(request.user()))) {
            return error(request, ErrorCode.NOT_FOUND, "no open alert with that id about this member");
        }
        if (!presentStaff && (alert == null || !alert.escalated())) {
            return error(request, ErrorCode.FORBIDDEN,
                    "join the room to open a check-in, or open it from an alert escalated to you");
        }
        UserInfo opener = here != null ? here : caller.userInfoIn(room.id());
        CheckinThread thread = byMember.get(request.user());
        if (thread != null) {
            return join(thread, session, opener, alert, request);
        }
        UserInfo member = room.present(request.user());
        if (member == null && alert != null) {
            member = new UserInfo(alert.member(), alert.name(), Role.MEMBER);
        }
        if (member == null) {
            return error(request, ErrorCode.NOT_FOUND, "no such member in this room");
        }
        if (member.role().isStaff()) {
            return error(request, ErrorCode.FORBIDDEN, "a check-in is with a member of the room, not with staff");
        }
        long now = clock.millis();
        thread = new CheckinThread(ids.next(room.id()), room.id(), member, opener, now,
                alert == null ? null : alert.id(), new CheckinTranscript(maxMessages, maxAgeMillis, clock));
        byId.put(thread.id, thread);
        byMember.put(member.id(), thread);
        openCount = byId.size();
        audience.reachThrough(thread, session);
        touch(thread);
        room.audit(opener.id(), opener.name(), "checkin_open", member.id(), member.name(),
                alert == null ? null : "alert " + alert.id());
        log.info("checkin opened room={} checkin={} by={} member={} fromAlert={}", room.id(), thread.id, opener.id(),
                member.id(), alert != null);
        if (alert != null) {
            care.reachingOut(opener, alert.id(), true);
        }
        audience.announce(thread);
        return new Ok(request.id(), new CheckinResult(audience.info(thread)));
    }

    /** Opening a check-in already open with the member returns it; staff who were not in it join it. */
    private ServerMessage join(CheckinThread thread, Session session, UserInfo opener, RoomCare.AlertRef alert,
                               CheckinOpen request) {
        audience.reachThrough(thread, session);
        boolean wasIn = audience.isIn(thread, opener.id());
        boolean joined = thread.join(opener);
        if (alert != null) {
            // A later alert about the member is answered by the conversation already going on.
            care.reachingOut(opener, alert.id(), !wasIn);
        }
        if (joined) {
            touch(thread);
            room.audit(opener.id(), opener.name(), "checkin_join", thread.member.id(), thread.member.name(), null);
            log.info("checkin joined room={} checkin={} by={}", room.id(), thread.id, opener.id());
        }
        if (!wasIn) {
            audience.announce(thread);
        }
        return new Ok(request.id(), new CheckinResult(audience.info(thread)));
    }

    private ServerMessage send(CheckinThread thread, Identity sender, CheckinSend request) {
        String text = request.text();
        if (text.length() > maxTextChars && text.codePointCount(0, text.length()) > maxTextChars) {
            return error(request, ErrorCode.TOO_LARGE, "a message may be at most " + maxTextChars + " characters");
        }
        if (room.requiresWitness() && audience.staff(thread).size() < 2) {
            return error(request, ErrorCode.WITNESS_REQUIRED, "this room asks for two staff members in a check-in"
                    + " before anything is written in it; a second one has not joined yet");
        }
        UserInfo from = audience.speaker(thread, sender);
        if (request.clientId() != null) {
            CheckinMessage earlier = thread.transcript.sentBefore(from.id(), request.clientId());
            if (earlier != null) {
                return new Ok(request.id(), CheckinSendResult.duplicateOf(earlier.seq()));
            }
        }
        if (!thread.isMember(from.id()) && thread.join(from)) {
            log.info("checkin joined room={} checkin={} by={}", room.id(), thread.id, from.id());
        }
        long now = clock.millis();
        CheckinMessage message = new CheckinMessage(thread.id, room.id(), ++thread.seq, from, text, now,
                request.clientId());
        thread.transcript.append(message);
        touch(thread);
        Collection<Session> everyone = audience.of(thread);
        room.deliver(everyone, message);
        if (thread.isMember(from.id())) {
            Detection detection = care.assess(Role.MEMBER, text);
            if (detection.found()) {
                boolean staffReading = everyone.stream().anyMatch(s -> !thread.isMember(s.identity().id()));
                care.checkinWords(from, now, detection, staffReading);
            }
        }
        return new Ok(request.id(), CheckinSendResult.accepted(message.seq()));
    }

    private ServerMessage close(CheckinThread thread, Identity closer, CheckinClose request) {
        UserInfo by = audience.speaker(thread, closer);
        if (request.outcome() != null && thread.isMember(by.id())) {
            return error(request, ErrorCode.FORBIDDEN, "only staff record how a check-in ended");
        }
        end(thread, by, request.outcome() == null ? null : request.outcome().wireName());
        return Ok.empty(request.id());
    }

    // ---------------------------------------------------------------- what the room tells

    /**
     * A connection came into the room. A staff member's first connection joins every check-in
     * of the room, and everyone in each hears so; any other connection of someone in a check-in
     * receives the check-in, as its other connections did.
     */
    public void entered(Session session, boolean firstOfUser) {
        if (!audience.inRoom(session)) {
            return; // it left again before this ran
        }
        String userId = session.identity().id();
        UserInfo here = room.present(userId);
        boolean staff = here != null && here.role().isStaff();
        for (CheckinThread thread : byId.values()) {
            thread.detach(session);
            if (staff && firstOfUser && !thread.hasJoined(userId)) {
                audience.announce(thread);
            } else if (audience.isIn(thread, userId)) {
                session.send(new CheckinEvent(audience.info(thread)));
            }
        }
    }

    /**
     * A connection left the room (or lost its last hold on it). The member's and joined staff's
     * connections keep hearing their check-ins: a check-in is not part of the group's
     * conversation. A facilitator who only took part by being present is out of them.
     */
    public void left(Session session) {
        String userId = session.identity().id();
        for (CheckinThread thread : byId.values()) {
            if (thread.isMember(userId) || thread.hasJoined(userId)) {
                thread.attach(session);
            }
        }
    }

    /** The connection is gone. */
    public void disconnected(Session session) {
        byId.values().forEach(thread -> thread.detach(session));
    }

    /** The room's session closed: every check-in ends, and what was said in it is deleted. */
    public void sessionClosed() {
        for (CheckinThread thread : new ArrayList<>(byId.values())) {
            end(thread, null, "session_closed");
        }
    }

    /** Ends the check-ins idle past their lifetime; drops messages past the history's age. */
    public void sweep() {
        long now = clock.millis();
        for (CheckinThread thread : new ArrayList<>(byId.values())) {
            if (now - thread.lastActivity >= idleMillis) {
                end(thread, null, "idle");
            } else {
                thread.transcript.expire();
            }
        }
        scheduleExpiry();
    }

    /** The name of a user in one of the room's check-ins, for the audit log; null when none. */
    public String nameOf(String userId) {
        for (CheckinThread thread : byId.values()) {
            if (thread.isMember(userId)) {
                return thread.member.name();
            }
            for (UserInfo staff : thread.joined()) {
                if (staff.id().equals(userId)) {
                    return staff.name();
                }
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Ends a check-in: everyone in it hears so, the audit log records who ended it and how (the
     * server when {@code by} is null), and its messages are deleted.
     */
    private void end(CheckinThread thread, UserInfo by, String how) {
        audience.deliver(thread, new CheckinEvent(audience.closed(thread, by)));
        byId.remove(thread.id);
        byMember.remove(thread.member.id());
        openCount = byId.size();
        thread.transcript.clear();
        room.audit(by == null ? null : by.id(), by == null ? null : by.name(), "checkin_close", thread.member.id(),
                thread.member.name(), how);
        log.info("checkin closed room={} checkin={} by={} how={} messages={}", room.id(), thread.id,
                by == null ? "server" : by.id(), how, thread.seq);
    }

    private void touch(CheckinThread thread) {
        thread.lastActivity = clock.millis();
        scheduleExpiry();
    }

    /** One timer for the room, set for the check-in that lapses first; it sets the next. */
    private void scheduleExpiry() {
        if (expiryPending || byId.isEmpty()) {
            return;
        }
        long first = byId.values().stream().mapToLong(t -> t.lastActivity).min().orElseThrow();
        long delay = Math.max(0, first + idleMillis - clock.millis());
        expiryPending = true;
        room.schedule(() -> {
            expiryPending = false;
            sweep();
        }, Duration.ofMillis(delay));
    }

    private static ErrorReply error(CheckinRequest request, ErrorCode code, String message) {
        return ErrorReply.of(request.id(), code, message);
    }

    /** Threads open now, for the {@code haven_checkins_open} gauge; safe to read from any thread. */
    public int openCount() {
        return openCount;
    }
}
