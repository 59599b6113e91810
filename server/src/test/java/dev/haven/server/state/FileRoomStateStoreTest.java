package dev.haven.server.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.haven.server.config.ConfigException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state directory's room journals: written, read back after a restart, cut short by a crash, compacted. */
class FileRoomStateStoreTest {
    @TempDir
    Path dir;

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Map<String, byte[]> parts, String name) {
        return new String(parts.get(name), StandardCharsets.UTF_8);
    }

    private static <T> T get(java.util.concurrent.CompletableFuture<T> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    private Path journal(String room) {
        return dir.resolve(FileRoomStateStore.DIRECTORY).resolve(room + FileRoomStateStore.SUFFIX);
    }

    @Test
    void write_thenAStoreOnTheSameDirectory_loadsThePartsKept_andAPartRemovedIsGone() throws Exception {
        try (FileRoomStateStore store = new FileRoomStateStore(dir)) {
            get(store.write(Fence.lone("circle"), Map.of("sanctions", utf8("{\"bans\":[]}"), "session", utf8("open"))));
            get(store.write(Fence.lone("circle"), Map.of("session", new byte[0], "alerts", utf8("[1]"))));
            get(store.write(Fence.lone("lounge"), Map.of("seq", utf8("7"))));
            assertThat(get(store.load("circle"))).containsOnlyKeys("sanctions", "alerts");
        }
        try (FileRoomStateStore again = new FileRoomStateStore(dir)) {
            Map<String, byte[]> circle = get(again.load("circle"));
            assertThat(circle).containsOnlyKeys("sanctions", "alerts");
            assertThat(text(circle, "sanctions")).isEqualTo("{\"bans\":[]}");
            assertThat(text(get(again.load("lounge")), "seq")).isEqualTo("7");
            assertThat(get(again.load("nowhere"))).isEmpty();
        }
    }

    @Test
    void aRecordCutShortByACrash_isDropped_andTheJournalGoesOnAfterIt() throws Exception {
        try (FileRoomStateStore store = new FileRoomStateStore(dir)) {
            get(store.write(Fence.lone("circle"), Map.of("session", utf8("open"))));
            get(store.write(Fence.lone("circle"), Map.of("session", utf8("closing"), "seq", utf8("1000"))));
        }
        long whole = Files.size(journal("circle"));
        try (RandomAccessFile file = new RandomAccessFile(journal("circle").toFile(), "rw")) {
            file.setLength(whole - 3);
        }
        try (FileRoomStateStore again = new FileRoomStateStore(dir)) {
            Map<String, byte[]> circle = get(again.load("circle"));
            assertThat(circle).as("the last write never completed").containsOnlyKeys("session");
            assertThat(text(circle, "session")).isEqualTo("open");
            get(again.write(Fence.lone("circle"), Map.of("alerts", utf8("[2]"))));
        }
        try (FileRoomStateStore third = new FileRoomStateStore(dir)) {
            assertThat(get(third.load("circle"))).containsOnlyKeys("session", "alerts");
        }
    }

    @Test
    void aRecordWhoseBytesChanged_failsItsChecksum_andIsDropped() throws Exception {
        try (FileRoomStateStore store = new FileRoomStateStore(dir)) {
            get(store.write(Fence.lone("circle"), Map.of("session", utf8("open"))));
            get(store.write(Fence.lone("circle"), Map.of("session", utf8("lobby"))));
        }
        try (RandomAccessFile file = new RandomAccessFile(journal("circle").toFile(), "rw")) {
            file.seek(file.length() - 1);
            file.write('X');
        }
        try (FileRoomStateStore again = new FileRoomStateStore(dir)) {
            assertThat(text(get(again.load("circle")), "session")).isEqualTo("open");
        }
    }

    @Test
    void aJournalThatGrewFourTimesWhatItHolds_isRewrittenAsOneRecord_withTheSameParts() throws Exception {
        byte[] kilobyte = new byte[1024];
        try (FileRoomStateStore store = new FileRoomStateStore(dir)) {
            for (int i = 0; i < 500; i++) {
                kilobyte[0] = (byte) i;
                get(store.write(Fence.lone("circle"), Map.of("audit.1", kilobyte.clone(), "seq", utf8("n" + i))));
            }
            assertThat(Files.size(journal("circle"))).as("500 writes of 1 KB").isLessThan(4 * 1024 + FileRoomStateStore.COMPACT_AT + 2048);
        }
        assertThat(dir.resolve(FileRoomStateStore.DIRECTORY)).isDirectoryNotContaining("glob:**.tmp");
        try (FileRoomStateStore again = new FileRoomStateStore(dir)) {
            Map<String, byte[]> circle = get(again.load("circle"));
            assertThat(text(circle, "seq")).isEqualTo("n499");
            assertThat(circle.get("audit.1")[0]).isEqualTo((byte) 499);
        }
    }

    @Test
    void clear_deletesTheRoomsJournal_andNoOtherRoomsState() throws Exception {
        try (FileRoomStateStore store = new FileRoomStateStore(dir)) {
            get(store.write(Fence.lone("circle"), Map.of("session", utf8("open"))));
            get(store.write(Fence.lone("lounge"), Map.of("session", utf8("lobby"))));
            get(store.clear(Fence.lone("circle")));
            assertThat(get(store.load("circle"))).isEmpty();
        }
        assertThat(journal("circle")).doesNotExist();
        try (FileRoomStateStore again = new FileRoomStateStore(dir)) {
            assertThat(get(again.load("circle"))).isEmpty();
            assertThat(text(get(again.load("lounge")), "session")).isEqualTo("lobby");
        }
    }

    @Test
    void aFileThatIsNotAJournal_stopsTheStart_namingIt() throws Exception {
        Files.createDirectories(journal("circle").getParent());
        Files.writeString(journal("circle"), "{\"not\":\"a journal\"}");
        assertThatThrownBy(() -> new FileRoomStateStore(dir)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("circle.state").hasMessageContaining("move it away");
    }

    @Test
    void theStateDirectory_givesOneStore_andClosingItFinishesTheWrites() throws Exception {
        try (StateDirectory state = StateDirectory.open(dir)) {
            assertThat(state.roomStateStore()).isSameAs(state.roomStateStore());
            state.roomStateStore().write(Fence.lone("circle"), Map.of("session", utf8("open")));
        }
        try (StateDirectory state = StateDirectory.open(dir)) {
            assertThat(text(get(state.roomStateStore().load("circle")), "session")).isEqualTo("open");
        }
    }
}
