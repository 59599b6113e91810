package dev.haven.server.sessions;

import dev.haven.protocol.model.RoomState;
import java.time.Clock;
import java.time.Duration;

/**
 * Where a room's session stands. A room that requires a facilitator starts in {@code lobby}
 * and opens when a facilitator says so; when its last facilitator has been gone for the grace
 * period it becomes {@code unfacilitated}, and a facilitator joining makes it {@code open}
 * again. Any room may be closing: at {@link #closesAt} the room purges the session and the
 * lifecycle starts over with {@link #reset}. A room that does not require a facilitator is
 * always {@code open}.
 *
 * <p>Used on the room's thread alone; its timers run there too.
 */
public final class SessionLifecycle {
    /** What the room does when the lifecycle moves on its own (its timers). */
    public interface Listener {
        /** The state changed; the room tells everyone. */
        void stateChanged(RoomState from, RoomState to);

        /** The closing time has come: the room purges the session and calls {@link #reset}. */
        void closeDue();
    }

    private boolean requireFacilitator;
    private final Duration facilitatorGrace;
    private final Clock clock;
    private final Timers timers;
    private final Listener listener;
    private RoomState state;
    private int facilitators;
    private Long closesAt;
    private Runnable cancelGrace;
    private Runnable cancelClose;

    public SessionLifecycle(boolean requireFacilitator, Duration facilitatorGrace, Clock clock, Timers timers,
                            Listener listener) {
        this.requireFacilitator = requireFacilitator;
        this.facilitatorGrace = facilitatorGrace;
        this.clock = clock;
        this.timers = timers;
        this.listener = listener;
        this.state = initialState();
    }

    public RoomState state() {
        return state;
    }

    public boolean requiresFacilitator() {
        return requireFacilitator;
    }

    /** When a close in progress takes effect (epoch ms), or null. */
    public Long closesAt() {
        return closesAt;
    }

    /**
     * Operators changed whether the room requires a facilitator. Turned off, a room in lobby opens
     * at once; turned on, a session under way goes on (its grace period starts if no facilitator is
     * there) and the next one starts in lobby.
     */
    public void requireFacilitator(boolean required) {
        if (required == requireFacilitator) {
            return;
        }
        requireFacilitator = required;
        if (!required) {
            cancelGrace();
            if (state != RoomState.OPEN) {
                change(RoomState.OPEN);
            }
        } else {
            facilitatorsPresent(facilitators);
        }
    }

    /** Members may send, answer and take turns; in {@code lobby} they only read. */
    public boolean isOpenToMembers() {
        return state != RoomState.LOBBY;
    }

    /**
     * How many facilitators are present changed. The first to come back ends a grace period or
     * the {@code unfacilitated} state; the last to leave an open session starts the grace period.
     */
    public void facilitatorsPresent(int count) {
        facilitators = count;
        if (count > 0) {
            cancelGrace();
            if (state == RoomState.UNFACILITATED) {
                change(RoomState.OPEN);
            }
        } else if (requireFacilitator && state == RoomState.OPEN && cancelGrace == null) {
            cancelGrace = timers.schedule(this::graceOver, facilitatorGrace);
        }
    }

    private void graceOver() {
        cancelGrace = null;
        if (facilitators == 0 && state == RoomState.OPEN) {
            change(RoomState.UNFACILITATED);
        }
    }

    /**
     * Opens the session; on a session that is closing, calls the close off.
     *
     * @return whether anything changed
     */
    public boolean open() {
        boolean changed = cancelClosing();
        if (state == RoomState.LOBBY) {
            state = RoomState.OPEN;
            return true;
        }
        return changed;
    }

    /** Starts closing: {@link Listener#closeDue} comes after {@code grace}. A later close replaces this one. */
    public void close(Duration grace) {
        cancelClosing();
        closeAt(clock.millis() + grace.toMillis());
    }

    /**
     * The session as it was kept, after a restart or on a new owner, when nobody is present yet:
     * its state, and a close in progress whose timer runs again to the same {@code closesAt} (at
     * once when it has passed). An open session that requires a facilitator starts its grace
     * period, as when its last facilitator leaves. Nobody is told: the room is not serving yet.
     *
     * @param kept        null for a new session
     * @param keptClosesAt null when the session was not closing
     */
    public void restore(RoomState kept, Long keptClosesAt) {
        cancelClosing();
        cancelGrace();
        facilitators = 0;
        state = kept == null || !requireFacilitator ? initialState() : kept;
        if (keptClosesAt != null) {
            closeAt(keptClosesAt);
        }
        facilitatorsPresent(0);
    }

    private void closeAt(long at) {
        closesAt = at;
        cancelClose = timers.schedule(() -> {
            cancelClose = null;
            listener.closeDue();
        }, Duration.ofMillis(Math.max(0, at - clock.millis())));
    }

    /** The session was purged: the room is ready for its next one, in {@code lobby} if it requires a facilitator. */
    public void reset() {
        cancelClosing();
        cancelGrace();
        facilitators = 0;
        state = initialState();
    }

    private RoomState initialState() {
        return requireFacilitator ? RoomState.LOBBY : RoomState.OPEN;
    }

    private void change(RoomState to) {
        RoomState from = state;
        state = to;
        listener.stateChanged(from, to);
    }

    private boolean cancelClosing() {
        if (cancelClose != null) {
            cancelClose.run();
            cancelClose = null;
        }
        boolean wasClosing = closesAt != null;
        closesAt = null;
        return wasClosing;
    }

    private void cancelGrace() {
        if (cancelGrace != null) {
            cancelGrace.run();
            cancelGrace = null;
        }
    }
}
