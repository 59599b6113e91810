package dev.haven.server.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.haven.protocol.model.RoomCategory;
import dev.haven.server.config.ConfigException;
import dev.haven.server.config.RoomSettings;
import dev.haven.server.config.ScheduleSettings;
import dev.haven.server.config.StateSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileRoomCatalogTest {
    @TempDir
    Path dir;

    private static RoomSettings room(String id, String guidelines) {
        return new RoomSettings(id, "Room " + id, RoomCategory.GENERAL, "topic", List.of("t"), 10, guidelines, false);
    }

    @Test
    void put_thenANewCatalogOnTheSameDirectory_readsItBack() {
        ScheduleSettings weekly = new ScheduleSettings(List.of("mon", "thu"), "19:00", 90, "Europe/London", 10,
                List.of(new ScheduleSettings.Change("2026-12-24", true, null)));
        try (StateDirectory state = StateDirectory.open(dir)) {
            RoomCatalog catalog = state.roomCatalog();
            catalog.put(room("new-room", "Be kind.").withSchedule(weekly));
            catalog.put(room("lounge", null));
            catalog.archive("lounge");
        }
        try (StateDirectory state = StateDirectory.open(dir)) {
            CatalogSnapshot saved = state.roomCatalog().load();
            assertThat(saved.rooms()).extracting(RoomSettings::id).containsExactly("new-room");
            assertThat(saved.rooms().get(0).schedule()).isEqualTo(weekly);
            assertThat(saved.rooms().get(0).requireFacilitator()).isTrue();
            assertThat(saved.archived()).containsExactly("lounge");
        }
    }

    @Test
    void write_leavesNoTemporaryFileBehind() throws Exception {
        try (StateDirectory state = StateDirectory.open(dir)) {
            state.roomCatalog().put(room("a", null));
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("rooms.json", "haven.lock");
        }
    }

    @Test
    void applyTo_replacesConfiguredRoomsInPlace_addsNewOnes_dropsArchived() {
        CatalogSnapshot snapshot = new CatalogSnapshot(List.of(room("b", "changed"), room("z", null)), Set.of("c"));
        List<RoomSettings> rooms = snapshot.applyTo(List.of(room("a", null), room("b", null), room("c", null)));
        assertThat(rooms).extracting(RoomSettings::id).containsExactly("a", "b", "z");
        assertThat(rooms.get(1).guidelines()).isEqualTo("changed");
    }

    @Test
    void open_corruptFile_failsWithAMessageNamingIt() throws Exception {
        Files.writeString(dir.resolve("rooms.json"), "{not json");
        try (StateDirectory state = StateDirectory.open(dir)) {
            assertThatThrownBy(state::roomCatalog).isInstanceOf(ConfigException.class)
                    .hasMessageContaining(dir.resolve("rooms.json").toString());
        }
    }

    @Test
    void open_aFileInsteadOfADirectory_failsClearly() throws Exception {
        Path file = Files.writeString(dir.resolve("plain"), "x");
        assertThatThrownBy(() -> StateDirectory.open(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("not a directory").hasMessageContaining("HAVEN_STATE_DIR");
    }

    @Test
    void open_twice_theSecondIsRefused() {
        try (StateDirectory first = StateDirectory.open(dir)) {
            assertThat(first.path()).isEqualTo(dir);
            assertThatThrownBy(() -> StateDirectory.open(dir)).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("another Haven server");
        }
    }

    @Test
    void open_missingDirectory_isCreatedForItsOwnerAlone() throws Exception {
        Path state = dir.resolve("deep/haven");
        try (StateDirectory opened = StateDirectory.open(state)) {
            assertThat(state).isDirectory();
            assertThat(opened.path()).isEqualTo(state);
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(state)))
                    .isEqualTo("rwx------");
        }
    }

    @Test
    void locate_followsTheSettingThenXdgDataHomeThenHome() {
        assertThat(StateDirectory.locate(new StateSettings("/srv/haven"), Map.of())).isEqualTo(Path.of("/srv/haven"));
        assertThat(StateDirectory.locate(new StateSettings("~/h"), Map.of("HOME", "/home/sam")))
                .isEqualTo(Path.of("/home/sam/h"));
        assertThat(StateDirectory.locate(StateSettings.defaults(), Map.of("XDG_DATA_HOME", "/x", "HOME", "/home/sam")))
                .isEqualTo(Path.of("/x/haven"));
        assertThat(StateDirectory.locate(StateSettings.defaults(), Map.of("HOME", "/home/sam")))
                .isEqualTo(Path.of("/home/sam/.local/share/haven"));
    }
}
