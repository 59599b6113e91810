package dev.haven.server.sessions;

import dev.haven.protocol.client.Mood;
import dev.haven.protocol.model.MoodPhase;
import dev.haven.protocol.server.MoodPollEvent;
import dev.haven.protocol.server.MoodSummary;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * One mood check-in. Single answers live only as long as the check-in: while it is open
 * nobody is shown a count, and when it closes the room gets the summary and the answers are
 * dropped. The distribution is withheld when fewer than {@link MoodSummary#MIN_SCORES} members
 * gave a score, or when their scores hold fewer than two distinct values (five identical answers
 * would tell everyone what everyone answered), so that nobody's answer can be told apart. A low score is only a number here:
 * it raises no alert of any kind.
 *
 * <p>Used on the room's thread alone; its timer runs there too.
 */
public final class MoodCheckIn {
    /** What the room does when the check-in closes by itself. */
    public interface Listener {
        void closed(MoodCheckIn checkIn);
    }

    private final String pollId;
    private final MoodPhase phase;
    private final long closesAt;
    /** User id to score; a null score means the member took part without giving one. */
    private final Map<String, Integer> answers = new HashMap<>();
    private Runnable cancelTimer;
    private boolean open = true;

    private MoodCheckIn(String pollId, MoodPhase phase, long closesAt) {
        this.pollId = pollId;
        this.phase = phase;
        this.closesAt = closesAt;
    }

    /** Opens a check-in that closes by itself after {@code duration}. */
    public static MoodCheckIn open(String pollId, MoodPhase phase, Duration duration, long nowMillis, Timers timers,
                                Listener listener) {
        MoodCheckIn poll = new MoodCheckIn(pollId, phase, nowMillis + duration.toMillis());
        poll.cancelTimer = timers.schedule(() -> {
            poll.cancelTimer = null;
            if (poll.open) {
                listener.closed(poll);
            }
        }, duration);
        return poll;
    }

    public String pollId() {
        return pollId;
    }

    public boolean isOpen() {
        return open;
    }

    /** Records or replaces a member's answer. */
    public void answer(String userId, Integer value) {
        if (!open) {
            throw new IllegalStateException("the check-in is closed");
        }
        if (value != null && (value < Mood.MIN_VALUE || value > Mood.MAX_VALUE)) {
            throw new IllegalArgumentException("a mood is 1 to 5");
        }
        answers.put(userId, value);
    }

    /** Closes the check-in: the summary for the room, and the single answers are gone. */
    public MoodSummary close(String roomId) {
        MoodSummary summary = summary(roomId);
        discard();
        return summary;
    }

    /** Closes without a summary: the session is being purged. */
    public void discard() {
        open = false;
        answers.clear();
        if (cancelTimer != null) {
            cancelTimer.run();
            cancelTimer = null;
        }
    }

    public MoodPollEvent event(String roomId) {
        return new MoodPollEvent(roomId, pollId, phase, closesAt);
    }

    private MoodSummary summary(String roomId) {
        int[] counts = new int[Mood.MAX_VALUE];
        int scored = 0;
        int distinct = 0;
        for (Integer value : answers.values()) {
            if (value != null) {
                if (counts[value - 1]++ == 0) {
                    distinct++;
                }
                scored++;
            }
        }
        if (scored < MoodSummary.MIN_SCORES || distinct < 2) {
            return MoodSummary.suppressed(roomId, pollId, answers.size());
        }
        return MoodSummary.of(roomId, pollId, answers.size(), counts);
    }
}
