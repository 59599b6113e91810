package dev.haven.server.room;

import dev.haven.protocol.model.NoticeKind;
import dev.haven.protocol.model.RoomInfo;
import dev.haven.protocol.server.Announcement;
import dev.haven.protocol.server.Notice;
import dev.haven.server.care.AlertSummary;
import dev.haven.server.config.RoomSettings;
import dev.haven.server.delivery.Session;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the service's operators do to a room through the admin API: change its settings, post an
 * announcement, archive it. Each runs on the room's executor like any request, so it takes its
 * place in the room's one order; the result completes there. Announcements and settings are the
 * operators' words, never members'; an announcement is held in memory only, for members who join
 * while it is current, until the next one, the session's close, or the history's age bound.
 */
public final class RoomOperations {
    private static final Logger log = LoggerFactory.getLogger(RoomOperations.class);
    static final String ARCHIVED_TEXT = "This group has been closed by the service and is no longer available. "
            + "Thank you for being part of it. Other groups are listed in the directory.";
    private static final AtomicLong ANNOUNCEMENTS = new AtomicLong();

    private final Room room;
    private Announcement current;

    RoomOperations(Room room) {
        this.room = room;
    }

    /**
     * Applies new settings at once: everyone in the room receives {@code room_updated}. New
     * guidelines text raises the version (members accept it again before writing); the room's
     * lock follows {@code locked}; a schedule takes effect for the coming sessions and never
     * closes the one running.
     */
    public CompletableFuture<RoomInfo> reconfigure(RoomSettings next) {
        return submit(() -> {
            RoomSettings before = room.settings;
            room.settings = next;
            if (!Objects.equals(before.guidelines(), next.guidelines())
                    || next.guidelinesVersion() > room.guidelines.version()) {
                room.guidelines.replaceWith(next.guidelines(), Math.max(next.guidelinesVersion(),
                        room.guidelines.version() + 1));
            }
            if (before.locked() != next.locked()) {
                room.policy = room.policy.with(next.locked(), null, null, null);
            }
            room.group.lifecycle.requireFacilitator(next.requireFacilitator());
            room.schedule.apply(next.schedule());
            room.announceSettings();
            log.info("room reconfigured room={} by=operator", room.id());
            return room.info();
        });
    }

    /** Everyone in the room receives it now; members joining while it is current, after their join reply. */
    public CompletableFuture<Announcement> announce(String text) {
        return submit(() -> {
            current = new Announcement(room.id(), "ann-" + ANNOUNCEMENTS.incrementAndGet(), text, room.clock.millis());
            room.presence.broadcast(current);
            log.info("announcement room={} id={} present={}", room.id(), current.id(), room.presence.size());
            return current;
        });
    }

    /**
     * Takes the room out of service: everyone present, and everyone waiting to be admitted, is
     * told privately ({@code notice room_archived}) and is out of the room; its held history,
     * session, alerts and stats are purged, what was kept of it is deleted, and no one may join
     * it again.
     *
     * @return how many members were present
     */
    public CompletableFuture<Integer> archive() {
        return submit(() -> {
            room.archived = true;
            int present = room.group.clearOut(new Notice(room.id(), NoticeKind.ROOM_ARCHIVED, null, null, null, null,
                    ARCHIVED_TEXT, null, null));
            room.schedule.apply(null);
            room.refreshInfo();
            room.durable.forget();
            log.info("room archived room={} present={}", room.id(), present);
            return present;
        });
    }

    /** The room's open duty-of-care alerts, without text or names. */
    public CompletableFuture<List<AlertSummary>> openAlerts() {
        return submit(room.care::openAlerts);
    }

    /** The room's settings as operators last set them (or the configuration did). */
    public RoomSettings settings() {
        return room.settings;
    }

    /** A member who just came in: the current announcement, then what the timetable says. */
    void welcome(Session session) {
        if (room.presence.of(session) == null) {
            return;
        }
        long maxAge = room.history.maxAgeMillis();
        if (current != null && room.clock.millis() - current.ts() < maxAge) {
            session.send(current);
        }
        Notice early = room.schedule.greeting();
        if (early != null && !room.presence.of(session).isFacilitator()) {
            session.send(early);
        }
    }

    /** Runs work on the room's executor; the future completes there, or fails when the server is stopping. */
    private <T> CompletableFuture<T> submit(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            room.executor.execute(() -> {
                try {
                    result.complete(work.get());
                } catch (RuntimeException e) {
                    log.error("room operation failed room={} error={}", room.id(), e.getClass().getName(), e);
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException stopping) {
            result.completeExceptionally(stopping);
        }
        return result;
    }

    /** The session closed: its announcement goes with it. */
    void sessionClosed() {
        current = null;
    }
}
