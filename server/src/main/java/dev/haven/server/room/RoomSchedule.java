package dev.haven.server.room;

import dev.haven.protocol.ErrorCode;
import dev.haven.protocol.model.NoticeKind;
import dev.haven.protocol.model.RoomState;
import dev.haven.protocol.server.ErrorReply;
import dev.haven.protocol.server.Notice;
import dev.haven.server.config.ScheduleSettings;
import dev.haven.server.schedule.EarlyArrival;
import dev.haven.server.schedule.WeeklySchedule;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * A scheduled room's timetable as the room applies it: members come in from the lobby's opening
 * on (facilitators at any time), an early member reads when the group starts, and the directory
 * shows the next session. The facilitator still opens the session, and nothing here closes one:
 * a session running past its slot goes on. Outside a session's lobby, a room already open (or
 * closing) takes members as usual. Used on the room's executor alone; a timer at the end of each
 * slot moves the directory's {@code nextSession} on.
 */
final class RoomSchedule {
    private final Room room;
    private WeeklySchedule schedule;
    private Duration lobby = Duration.ZERO;
    private Runnable cancelRefresh;

    RoomSchedule(Room room) {
        this.room = room;
    }

    /** Takes the room's (new) schedule, or none. */
    void apply(ScheduleSettings settings) {
        if (cancelRefresh != null) {
            cancelRefresh.run();
            cancelRefresh = null;
        }
        schedule = settings == null ? null : new WeeklySchedule(settings);
        lobby = settings == null ? Duration.ZERO : Duration.ofMinutes(settings.lobbyMinutes());
        watch();
    }

    /** The directory's {@code nextSession}: ISO 8601 with the room's offset, or null. */
    String nextSession() {
        WeeklySchedule.Slot slot = slot();
        return slot == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(slot.start());
    }

    /** Why a member may not come in now, or null: the room waits in lobby and its lobby is not open yet. */
    ErrorReply refusal(String requestId, boolean staff) {
        if (schedule == null || staff || room.group.lifecycle.state() != RoomState.LOBBY) {
            return null;
        }
        Instant now = room.clock.instant();
        WeeklySchedule.Slot slot = schedule.current(now);
        if (slot != null && slot.lobbyOpen(now)) {
            return null;
        }
        return Room.error(requestId, ErrorCode.SESSION_NOT_OPEN, EarlyArrival.notYetText(slot, now, lobby));
    }

    /** What a member who came in before the session opened reads, or null. */
    Notice greeting() {
        if (schedule == null || room.group.lifecycle.state() != RoomState.LOBBY) {
            return null;
        }
        Instant now = room.clock.instant();
        WeeklySchedule.Slot slot = schedule.current(now);
        if (slot == null || !slot.lobbyOpen(now)) {
            return null;
        }
        return new Notice(room.id(), NoticeKind.SESSION_SCHEDULED, null, null, null, null,
                EarlyArrival.lobbyText(slot, now), null, null);
    }

    private WeeklySchedule.Slot slot() {
        return schedule == null ? null : schedule.current(room.clock.instant());
    }

    /** At the end of the current slot the next one becomes the directory's {@code nextSession}. */
    private void watch() {
        WeeklySchedule.Slot slot = slot();
        if (slot == null) {
            return;
        }
        Duration untilEnd = Duration.between(room.clock.instant(), slot.end());
        cancelRefresh = room.executor.schedule(() -> {
            cancelRefresh = null;
            room.refreshInfo();
            watch();
        }, untilEnd.isNegative() ? Duration.ZERO : untilEnd);
    }
}
