package dev.haven.client;

import dev.haven.protocol.server.Alert;
import dev.haven.protocol.server.Announcement;
import dev.haven.protocol.server.CheckinEvent;
import dev.haven.protocol.server.CheckinMessage;
import dev.haven.protocol.server.HeldMessage;
import dev.haven.protocol.server.MessageDeleted;
import dev.haven.protocol.server.MessageEvent;
import dev.haven.protocol.server.MoodPollEvent;
import dev.haven.protocol.server.MoodSummary;
import dev.haven.protocol.server.Notice;
import dev.haven.protocol.server.PresenceEvent;
import dev.haven.protocol.server.ResourceEvent;
import dev.haven.protocol.server.RoomUpdated;
import dev.haven.protocol.server.RoundEvent;
import dev.haven.protocol.server.ServerMessage;

/**
 * Receives what the server sends besides replies. Methods are called one at a time, in the
 * order the frames arrived, on the client's receiving thread: they should return quickly and
 * never wait for a reply, or the connection stops reading. An exception thrown here is logged
 * and does not stop the connection. Every method does nothing by default, so a listener
 * overrides only what it shows.
 */
public interface HavenListener {
    /** A message shared in a room this connection is in, its own included. */
    default void onMessage(MessageEvent message) {
    }

    /**
     * Someone joined, left or changed (hand, floor; mute state for facilitators and the member
     * itself) in a room this connection is in.
     */
    default void onPresence(PresenceEvent presence) {
    }

    /**
     * A private word to this user about itself, which nobody else receives: muted, unmuted,
     * removed, banned, a warning, the floor given or taken, admitted or denied, its turn ending
     * soon; or about its room: no facilitator present, the session closing or closed, when a
     * scheduled session starts, the room archived. After {@code removed}, {@code banned},
     * {@code session_closed} or {@code room_archived} the connection is no longer in that room.
     */
    default void onNotice(Notice notice) {
    }

    /**
     * For a room's facilitators only (and supervisors, for escalated ones): a report, a raised
     * hand, a member waiting to be admitted, crisis language, a member asking for a facilitator,
     * and what was done about those.
     */
    default void onAlert(Alert alert) {
    }

    /** A helpline card a facilitator shared with the room, or with this user. */
    default void onResource(ResourceEvent resource) {
    }

    /**
     * A member's message shown to facilitators only, for now (a room that holds method detail);
     * its author receives it too. It has no seq: the room never saw it.
     */
    default void onHeldMessage(HeldMessage held) {
    }

    /** A facilitator deleted a message; it has left the room's held history. */
    default void onMessageDeleted(MessageDeleted deleted) {
    }

    /** A room's settings changed (locked, slow mode, moderated, admission, guidelines, session state). */
    default void onRoomUpdated(RoomUpdated updated) {
    }

    /**
     * A word from the service's operators to everyone in a room (not a member's message: show it
     * apart, once per id). Also received right after a join while one is current.
     */
    default void onAnnouncement(Announcement announcement) {
    }

    /** A round started, moved on to the next speaker, paused, resumed or ended. */
    default void onRound(RoundEvent round) {
    }

    /** A facilitator opened a mood check-in: answer it with {@link HavenRoom#mood}. */
    default void onMoodPoll(MoodPollEvent poll) {
    }

    /** A mood check-in closed: how many took part and, from five scores up, how they felt. */
    default void onMoodSummary(MoodSummary summary) {
    }

    /**
     * A private check-in this user is in: it opened, someone joined it, or it closed
     * ({@code state: "closed"}; its messages are gone). Nobody outside it receives this.
     */
    default void onCheckin(CheckinEvent checkin) {
    }

    /** A message in a private check-in this user is in, its own included; {@code seq} counts within the check-in. */
    default void onCheckinMessage(CheckinMessage message) {
    }

    /**
     * The connection ended; called once. {@code code} is the WebSocket close code the server
     * sent (1000 normal, 1001 server shutting down, 4001 not authenticated, ...) or
     * {@link HavenClient#ABNORMAL_CLOSURE} when the connection broke without one.
     */
    default void onClosed(int code, String reason) {
    }

    /** The room an event is about, or null for a frame that names none. */
    static String roomOf(ServerMessage event) {
        if (event instanceof MessageEvent m) {
            return m.room();
        } else if (event instanceof PresenceEvent p) {
            return p.room();
        } else if (event instanceof Notice n) {
            return n.room();
        } else if (event instanceof Alert a) {
            return a.room();
        } else if (event instanceof MessageDeleted d) {
            return d.room();
        } else if (event instanceof RoomUpdated u) {
            return u.room() == null ? null : u.room().id();
        } else if (event instanceof ResourceEvent r) {
            return r.room();
        } else if (event instanceof HeldMessage h) {
            return h.room();
        } else if (event instanceof RoundEvent r) {
            return r.room();
        } else if (event instanceof MoodPollEvent p) {
            return p.room();
        } else if (event instanceof MoodSummary s) {
            return s.room();
        } else if (event instanceof CheckinEvent c) {
            return c.checkin().room();
        } else if (event instanceof CheckinMessage c) {
            return c.room();
        } else if (event instanceof Announcement a) {
            return a.room();
        }
        return null;
    }
}
