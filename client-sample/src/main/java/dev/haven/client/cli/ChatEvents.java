package dev.haven.client.cli;

import dev.haven.client.HavenListener;
import dev.haven.protocol.model.AlertKind;
import dev.haven.protocol.model.MemberInfo;
import dev.haven.protocol.model.NoticeKind;
import dev.haven.protocol.model.PresenceKind;
import dev.haven.protocol.model.RoomInfo;
import dev.haven.protocol.model.RoundState;
import dev.haven.protocol.model.UserInfo;
import dev.haven.protocol.model.CheckinState;
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
import java.time.Clock;

/**
 * Shows the server's events and applies what they change: messages and presence of the
 * current room, deleted messages, new settings and session states, rounds and mood check-ins,
 * private notices (after {@code removed}, {@code banned} or {@code session_closed} the chat is
 * out of the room; after {@code admitted} it joins), support notices, shared helplines and held
 * messages, and, for facilitators, alerts; crisis alerts and requests for a facilitator are
 * shown whatever the room (supervisors get them from every room) and remembered until closed,
 * for {@code /ack}. Private check-ins are shown whatever the room, each line marked as private.
 * Used by the session's thread alone.
 */
final class ChatEvents {
    /** Joins a room the user was admitted to. */
    interface Admissions {
        void admitted(String roomId, boolean acceptedGuidelines) throws InterruptedException;
    }

    private final ChatState state;
    private final Transcript out;
    private final Clock clock;
    private final Admissions admissions;

    ChatEvents(ChatState state, Transcript out, Clock clock, Admissions admissions) {
        this.state = state;
        this.out = out;
        this.clock = clock;
        this.admissions = admissions;
    }

    void handle(ServerMessage event) throws InterruptedException {
        if (event instanceof Notice notice) {
            onNotice(notice);
            return;
        }
        if (event instanceof Announcement announcement) {
            // From the service, not a member: shown whatever the room, apart from the conversation.
            out.info(EventText.announcement(announcement, state.roomName(announcement.room())));
            return;
        }
        if (event instanceof Alert alert && CareText.isCare(alert)) {
            // Supervisors receive these from rooms they are not in, so they are shown whatever the room.
            onCareAlert(alert);
            return;
        }
        if (event instanceof CheckinEvent checkin) {
            onCheckin(checkin);
            return;
        }
        if (event instanceof CheckinMessage message) {
            ChatCheckins.Entry entry = state.checkins.get(message.checkin());
            if (entry != null) {
                out.info(CheckinText.message(message, entry.number(), state.isMe(message.from().id())));
            }
            return;
        }
        CurrentRoom room = state.room;
        if (room == null || !room.id().equals(HavenListener.roomOf(event))) {
            return;
        }
        if (event instanceof MessageEvent message && room.accept(message)) {
            out.message(message, state.isMe(message.from().id()));
        } else if (event instanceof PresenceEvent presence) {
            MemberInfo before = room.member(presence.member().id());
            if (room.apply(presence)) {
                if (presence.event() == PresenceKind.UPDATE) {
                    EventText.memberChanges(before, presence.member(), state.isMe(presence.member().id()))
                            .forEach(out::info);
                } else {
                    out.presence(presence);
                }
            }
        } else if (event instanceof MessageDeleted deleted) {
            out.info("* message " + deleted.seq() + " was deleted");
        } else if (event instanceof RoomUpdated updated) {
            RoomInfo before = room.update(updated.room());
            if (before != null) {
                EventText.roomChanges(before, updated.room()).forEach(out::info);
                SessionText.roomChanges(before, updated.room(), clock.millis()).forEach(out::info);
            }
        } else if (event instanceof RoundEvent round) {
            SessionText.round(room.round, round, state.me.id(), state::nameOf, clock.millis()).forEach(out::info);
            room.round = round.state() == RoundState.ENDED ? null : round;
        } else if (event instanceof MoodPollEvent poll) {
            room.poll = poll;
            out.info(SessionText.moodPoll(poll, clock.millis()));
        } else if (event instanceof MoodSummary summary) {
            if (room.poll != null && room.poll.pollId().equals(summary.pollId())) {
                room.poll = null;
            }
            out.info(SessionText.moodSummary(summary));
        } else if (event instanceof Alert alert) {
            if (alert.kind() == AlertKind.WAITING) {
                room.waiting(alert.member(), alert.name());
            }
            out.info(EventText.alert(alert, room.name(), state::nameOf, room.raisedHands()));
        } else if (event instanceof ResourceEvent resource) {
            out.info("(resource) A facilitator shared a helpline: " + CareText.card(resource.card()));
        } else if (event instanceof HeldMessage held) {
            out.info(CareText.held(held, state.isMe(held.from().id())));
        }
    }

    private void onCheckin(CheckinEvent event) {
        if (event.checkin().state() == CheckinState.CLOSED) {
            ChatCheckins.Entry ended = state.checkins.remove(event.checkin().id());
            if (ended != null) {
                UserInfo closer = event.checkin().closedBy();
                out.info(CheckinText.closed(ended.number(), closer, closer != null && state.isMe(closer.id())));
            }
            return;
        }
        ChatCheckins.Entry before = state.checkins.update(event.checkin());
        ChatCheckins.Entry now = state.checkins.get(event.checkin().id());
        if (before == null) {
            CheckinText.opened(now, state.me.id(), state.roomName(event.checkin().room())).forEach(out::info);
        } else {
            CheckinText.changed(before.info(), now).forEach(out::info);
        }
    }

    private void onCareAlert(Alert alert) {
        boolean opens = alert.kind() == AlertKind.CRISIS || alert.kind() == AlertKind.REQUEST_FACILITATOR;
        if (opens) {
            state.openAlerts.put(alert.alertId(), new ChatState.OpenAlert(alert.alertId(), alert.room(), alert.member(),
                    alert.name()));
        } else if (alert.action() != null && alert.action().closes()) {
            state.openAlerts.remove(alert.alertId());
        }
        out.info(CareText.alert(alert, state.roomName(alert.room()), alert.by() == null ? null : state.nameOf(alert.by())));
    }

    private void onNotice(Notice notice) throws InterruptedException {
        if (notice.kind() == NoticeKind.SUPPORT) {
            CareText.support(notice).forEach(out::info);
            return;
        }
        out.info(EventText.notice(notice, state.roomName(notice.room()), clock.millis()));
        CurrentRoom room = state.room;
        boolean here = room != null && room.id().equals(notice.room());
        if (here && (notice.kind() == NoticeKind.REMOVED || notice.kind() == NoticeKind.BANNED
                || notice.kind() == NoticeKind.SESSION_CLOSED || notice.kind() == NoticeKind.ROOM_ARCHIVED)) {
            state.room = null;
            out.info("You are no longer in " + Transcript.clean(room.name()) + "."
                    + (notice.kind() == NoticeKind.REMOVED ? " /join " + Transcript.clean(room.id())
                    + " when you are ready to come back." : ""));
        } else if (notice.kind() == NoticeKind.DENIED || notice.kind() == NoticeKind.BANNED) {
            state.awaitingAdmission.remove(notice.room());
        } else if (notice.kind() == NoticeKind.ADMITTED) {
            Boolean accepted = state.awaitingAdmission.remove(notice.room());
            if (accepted != null && !here) {
                admissions.admitted(notice.room(), accepted);
            } else if (!here) {
                out.info("/join " + Transcript.clean(notice.room()) + " to enter.");
            }
        }
    }
}
