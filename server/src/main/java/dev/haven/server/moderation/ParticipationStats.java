package dev.haven.server.moderation;

import dev.haven.protocol.model.Participation;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who has been talking, over a rolling window, counted in one-minute buckets so memory is
 * bounded by the window's minutes times the members who spoke, whatever the message rate.
 *
 * <p>Dominance rule: a member is dominant when its share of the characters sent in the window
 * is more than twice an equal share among those present (facilitators included), and it sent
 * at least {@value #MIN_DOMINANT_MESSAGES} messages in the window.
 */
public final class ParticipationStats {
    public static final int MIN_DOMINANT_MESSAGES = 5;
    private static final long MINUTE_MS = 60_000;

    private final long windowMinutes;
    private final ArrayDeque<Bucket> buckets = new ArrayDeque<>();

    private static final class Tally {
        String name;
        int messages;
        long chars;
    }

    private record Bucket(long minute, Map<String, Tally> byUser) {
    }

    /** A member present now, to list even when silent. */
    public record Present(String id, String name) {
    }

    public ParticipationStats(Duration window) {
        this.windowMinutes = Math.max(1, window.toMinutes());
    }

    public long windowSeconds() {
        return windowMinutes * 60;
    }

    public void record(String userId, String name, int chars, long nowMillis) {
        long minute = nowMillis / MINUTE_MS;
        Bucket last = buckets.peekLast();
        if (last == null || last.minute() != minute) {
            last = new Bucket(minute, new HashMap<>());
            buckets.addLast(last);
        }
        Tally tally = last.byUser().computeIfAbsent(userId, id -> new Tally());
        tally.name = name;
        tally.messages++;
        tally.chars += chars;
        expire(nowMillis);
    }

    /** Members present and members who spoke in the window, with their share, in order of present first. */
    public List<Participation> members(List<Present> present, long nowMillis) {
        expire(nowMillis);
        Map<String, Tally> totals = new LinkedHashMap<>();
        for (Present member : present) {
            Tally tally = new Tally();
            tally.name = member.name();
            totals.put(member.id(), tally);
        }
        long roomChars = 0;
        for (Bucket bucket : buckets) {
            for (Map.Entry<String, Tally> entry : bucket.byUser().entrySet()) {
                Tally total = totals.computeIfAbsent(entry.getKey(), id -> new Tally());
                if (total.name == null) {
                    total.name = entry.getValue().name;
                }
                total.messages += entry.getValue().messages;
                total.chars += entry.getValue().chars;
                roomChars += entry.getValue().chars;
            }
        }
        List<Participation> result = new ArrayList<>(totals.size());
        for (Map.Entry<String, Tally> entry : totals.entrySet()) {
            Tally tally = entry.getValue();
            double share = roomChars == 0 ? 0 : (double) tally.chars / roomChars;
            result.add(new Participation(entry.getKey(), tally.name, tally.messages, tally.chars, share));
        }
        return result;
    }

    /** The ids of dominant members by the rule above. */
    public static List<String> dominant(List<Participation> members, int presentCount) {
        if (presentCount == 0) {
            return List.of();
        }
        double fairShare = 1.0 / presentCount;
        List<String> dominant = new ArrayList<>();
        for (Participation member : members) {
            if (member.share() > 2 * fairShare && member.messages() >= MIN_DOMINANT_MESSAGES) {
                dominant.add(member.id());
            }
        }
        return dominant;
    }

    private void expire(long nowMillis) {
        long oldestMinute = nowMillis / MINUTE_MS - windowMinutes + 1;
        while (!buckets.isEmpty() && buckets.peekFirst().minute() < oldestMinute) {
            buckets.removeFirst();
        }
    }

    public void clear() {
        buckets.clear();
    }
}
