package dev.haven.server.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Writing a room's state through, on a room thread played by a queue of tasks the test runs,
 * and a store whose writes complete when the test says.
 */
class WriteThroughTest {
    /** The room's thread: tasks wait until the test runs them, in order. */
    private final ArrayDeque<Runnable> roomThread = new ArrayDeque<>();
    /** Timers: delay and task, fired by the test. */
    private final List<Map.Entry<Duration, Runnable>> timers = new ArrayList<>();
    /** The room's parts as they are now. */
    private final Map<String, String> room = new HashMap<>();
    private final Store store = new Store();
    private final StateWrites health = new StateWrites();
    private final List<String> told = new ArrayList<>();
    private final WriteThrough writer = new WriteThrough(store, Fence.lone("circle"),
            Map.of("settings", utf8("locked=false")), roomThread::add,
            (task, delay) -> {
                Map.Entry<Duration, Runnable> timer = Map.entry(delay, task);
                timers.add(timer);
                return () -> timers.remove(timer);
            }, health, names -> {
                Map<String, byte[]> encoded = new TreeMap<>();
                names.forEach(name -> encoded.put(name, utf8(room.getOrDefault(name, ""))));
                return encoded;
            });

    /** A store whose writes wait for the test. */
    private static final class Store implements RoomStateStore {
        final List<Map<String, String>> writes = new ArrayList<>();
        final ArrayDeque<CompletableFuture<Void>> pending = new ArrayDeque<>();

        @Override
        public CompletableFuture<Void> write(Fence fence, Map<String, byte[]> parts) {
            Map<String, String> write = new TreeMap<>();
            parts.forEach((name, value) -> write.put(name, new String(value, StandardCharsets.UTF_8)));
            writes.add(write);
            CompletableFuture<Void> done = new CompletableFuture<>();
            pending.add(done);
            return done;
        }

        @Override
        public CompletableFuture<Void> clear(Fence fence) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Map<String, byte[]>> load(String room) {
            return CompletableFuture.completedFuture(Map.of());
        }

        void complete() {
            pending.removeFirst().complete(null);
        }

        void fail() {
            pending.removeFirst().completeExceptionally(new UncheckedIOException(new IOException("disk full")));
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private void runRoomThread() {
        Runnable task;
        while ((task = roomThread.poll()) != null) {
            task.run();
        }
    }

    /** A task of the room: it changes parts and names them. */
    private void change(String part, String value) {
        room.put(part, value);
        writer.changed(part);
    }

    private void ack(String name) {
        writer.whenKept(() -> told.add(name + " ok"), error -> told.add(name + " failed"));
    }

    @Test
    void theChangesOfOneTask_goInOneWrite_afterTheTask() {
        change("sanctions", "ban sam");
        change("audit.0", "ban");
        change("sanctions", "ban sam, mute kim");
        change("audit.1", "mute");
        assertThat(store.writes).as("nothing while the task runs").isEmpty();

        runRoomThread();
        assertThat(store.writes).containsExactly(Map.of("sanctions", "ban sam, mute kim", "audit.0", "ban",
                "audit.1", "mute"));
    }

    @Test
    void oneWriteInFlight_whatChangesMeanwhile_goesInTheNextOne_coalesced() {
        change("sanctions", "ban sam");
        runRoomThread();
        change("audit.0", "ban");
        change("sanctions", "ban sam, mute kim");
        runRoomThread();
        change("sanctions", "ban sam, mute kim, mute lee");
        runRoomThread();
        assertThat(store.writes).as("waiting for the first").hasSize(1);

        store.complete();
        runRoomThread();
        assertThat(store.writes).hasSize(2);
        assertThat(store.writes.get(1)).isEqualTo(Map.of("audit.0", "ban", "sanctions", "ban sam, mute kim, mute lee"));
    }

    @Test
    void aPartTheStoreHoldsAlready_isNotWrittenAgain_andARemovedOneIsWrittenEmpty() {
        change("settings", "locked=false");
        runRoomThread();
        assertThat(store.writes).isEmpty();
        assertThat(writer.settled()).isTrue();

        room.remove("settings");
        writer.changed("settings");
        runRoomThread();
        assertThat(store.writes).containsExactly(Map.of("settings", ""));
    }

    @Test
    void anAcknowledgement_waitsForTheWriteThatCarriesTheChange() {
        change("sanctions", "ban sam");
        ack("ban");
        runRoomThread();
        change("sanctions", "ban sam, mute kim");
        ack("mute");
        runRoomThread();
        assertThat(told).isEmpty();

        store.complete();
        runRoomThread();
        assertThat(told).as("the mute is in the second write").containsExactly("ban ok");
        store.complete();
        runRoomThread();
        assertThat(told).containsExactly("ban ok", "mute ok");
        ack("nothing new");
        assertThat(told).last().isEqualTo("nothing new ok");
    }

    @Test
    void aFailedWrite_failsItsAcknowledgements_showsInHealth_andIsRetriedWithBackoff_untilItIsKept() {
        change("sanctions", "ban sam");
        ack("ban");
        runRoomThread();
        store.fail();
        runRoomThread();
        assertThat(told).containsExactly("ban failed");
        assertThat(health.failing()).isTrue();
        assertThat(health.failingRooms()).isEqualTo(1);
        assertThat(timers).extracting(Map.Entry::getKey).containsExactly(WriteThrough.FIRST_RETRY);

        // The room goes on changing meanwhile; the retry carries the parts as they are by then.
        change("sanctions", "ban sam, mute kim");
        ack("mute");
        runRoomThread();
        assertThat(store.writes).as("no write before the retry").hasSize(1);
        timers.remove(0).getValue().run();
        runRoomThread();
        store.fail();
        runRoomThread();
        assertThat(told).containsExactly("ban failed", "mute failed");
        assertThat(timers).extracting(Map.Entry::getKey).containsExactly(WriteThrough.FIRST_RETRY.multipliedBy(2));

        timers.remove(0).getValue().run();
        runRoomThread();
        assertThat(store.writes.get(2)).isEqualTo(Map.of("sanctions", "ban sam, mute kim"));
        ack("after");
        store.complete();
        runRoomThread();
        assertThat(told).last().isEqualTo("after ok");
        assertThat(health.failing()).isFalse();
        assertThat(timers).isEmpty();
    }

    @Test
    void theBackoff_stopsGrowingAtFiveSeconds() {
        change("sanctions", "ban sam");
        runRoomThread();
        for (int i = 0; i < 10; i++) {
            store.fail();
            runRoomThread();
            timers.remove(0).getValue().run();
            runRoomThread();
        }
        store.fail();
        runRoomThread();
        assertThat(timers).extracting(Map.Entry::getKey).containsExactly(WriteThrough.LAST_RETRY);
    }

    @Test
    void flushNow_writesAtOnce_withoutWaitingForTheRetrysDelay() {
        change("sanctions", "ban sam");
        runRoomThread();
        store.fail();
        runRoomThread();
        writer.flushNow();
        runRoomThread();
        assertThat(store.writes).hasSize(2);
        assertThat(timers).isEmpty();
    }

    @Test
    void stop_dropsWhatWaits_failsWhoWaits_andWritesNothingMore() {
        change("sanctions", "ban sam");
        ack("ban");
        writer.stop();
        runRoomThread();
        change("sanctions", "ban sam, mute kim");
        runRoomThread();
        assertThat(store.writes).isEmpty();
        assertThat(told).containsExactly("ban failed");
        assertThat(Set.copyOf(writer.storedParts())).containsExactly("settings");
    }
}
