package dev.haven.server.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.haven.protocol.ProtocolCodec;
import dev.haven.server.config.ConfigException;
import dev.haven.server.config.RoomSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The catalog in {@code rooms.json} in the state directory. Each change rewrites the whole file
 * (a few rooms, a few kilobytes): it is written to a temporary file in the same directory, forced
 * to disk, then renamed over the old one, so a crash leaves either the old file or the new one,
 * never half of one. Thread-safe through its monitor; called only by operators' requests.
 */
final class FileRoomCatalog implements RoomCatalog {
    static final String FILE = "rooms.json";
    private static final int FORMAT = 1;

    /** The file's shape. */
    record Saved(int format, List<RoomSettings> rooms, List<String> archived) {
    }

    private final Path file;
    private final ObjectMapper json;
    private final Map<String, RoomSettings> rooms = new LinkedHashMap<>();
    private final TreeSet<String> archived = new TreeSet<>();

    /** Reads the file when there is one. @throws ConfigException when it cannot be read or understood */
    FileRoomCatalog(Path directory) {
        this.file = directory.resolve(FILE);
        this.json = ProtocolCodec.newMapper()
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        if (Files.exists(file)) {
            read();
        }
    }

    private void read() {
        Saved saved;
        try {
            saved = json.readValue(file.toFile(), Saved.class);
        } catch (IOException | RuntimeException e) {
            // The cause's message may quote the file; the file holds room settings, never message text.
            throw new ConfigException("the state file " + file + " cannot be read: " + e.getMessage()
                    + " (move it away to start from the configuration file alone)", e);
        }
        if (saved.format() != FORMAT) {
            throw new ConfigException("the state file " + file + " has format " + saved.format()
                    + ", which this version of Haven does not know");
        }
        if (saved.rooms() != null) {
            saved.rooms().forEach(room -> rooms.put(room.id(), room));
        }
        if (saved.archived() != null) {
            archived.addAll(saved.archived());
        }
    }

    @Override
    public synchronized CatalogSnapshot load() {
        return new CatalogSnapshot(new ArrayList<>(rooms.values()), archived);
    }

    @Override
    public synchronized void put(RoomSettings room) {
        rooms.put(room.id(), room);
        archived.remove(room.id());
        write();
    }

    @Override
    public synchronized void archive(String roomId) {
        rooms.remove(roomId);
        archived.add(roomId);
        write();
    }

    private void write() {
        Path temp = file.resolveSibling(FILE + ".tmp");
        try {
            byte[] bytes = json.writeValueAsBytes(new Saved(FORMAT, new ArrayList<>(rooms.values()),
                    new ArrayList<>(archived)));
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(java.nio.ByteBuffer.wrap(bytes));
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the state file " + file, e);
        }
    }
}
