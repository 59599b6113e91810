package dev.haven.server.state;

import dev.haven.server.config.ConfigException;
import dev.haven.server.config.StateSettings;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * The state directory of one running server: found from {@code state.dir} (env
 * {@code HAVEN_STATE_DIR}), else {@code $XDG_DATA_HOME/haven} or {@code ~/.local/share/haven};
 * created readable by its owner alone when missing; and locked, so that two servers never write
 * the same files. A directory that cannot be used stops the start with a message naming it.
 */
public final class StateDirectory implements AutoCloseable {
    static final String LOCK_FILE = "haven.lock";

    private final Path path;
    private final FileChannel lockChannel;
    private final FileLock lock;
    /** Made on first use. */
    private FileRoomStateStore roomStates;

    private StateDirectory(Path path, FileChannel lockChannel, FileLock lock) {
        this.path = path;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Where the state directory is, by the settings and the environment. */
    public static Path locate(StateSettings settings, Map<String, String> env) {
        if (settings.dir() != null) {
            return Path.of(expandHome(settings.dir(), env)).toAbsolutePath();
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home(env), ".local", "share");
        return base.resolve("haven").toAbsolutePath();
    }

    /**
     * Creates the directory if needed, checks that it can be written, and locks it.
     *
     * @throws ConfigException when it cannot be used, or another server holds it
     */
    public static StateDirectory open(Path path) {
        try {
            if (!Files.exists(path)) {
                createPrivate(path);
            }
        } catch (IOException e) {
            throw unusable(path, "it cannot be created (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        if (!Files.isDirectory(path)) {
            throw unusable(path, "it is not a directory");
        }
        if (!Files.isWritable(path)) {
            throw unusable(path, "this user cannot write to it");
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(path.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw unusable(path, "another Haven server is using it");
            }
            return new StateDirectory(path, channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw unusable(path, "another Haven server in this process is using it");
        } catch (IOException e) {
            closeQuietly(channel);
            throw unusable(path, "it cannot be locked (" + e.getMessage() + ")");
        }
    }

    public Path path() {
        return path;
    }

    /** The rooms kept in this directory. @throws ConfigException when the file cannot be read */
    public RoomCatalog roomCatalog() {
        return new FileRoomCatalog(path);
    }

    /**
     * The rooms' kept state in this directory ({@code rooms/}), read once here.
     *
     * @throws ConfigException when a room's journal cannot be read
     */
    public synchronized RoomStateStore roomStateStore() {
        if (roomStates == null) {
            roomStates = new FileRoomStateStore(path);
        }
        return roomStates;
    }

    /** Finishes the state writes under way, then gives the directory up. */
    @Override
    public void close() {
        synchronized (this) {
            if (roomStates != null) {
                roomStates.close();
            }
        }
        try {
            lock.release();
        } catch (IOException ignored) {
            // The process is ending; the lock goes with it.
        }
        closeQuietly(lockChannel);
    }

    private static void createPrivate(Path path) throws IOException {
        Path parent = path.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            Files.createDirectory(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createDirectory(path);
        }
    }

    private static ConfigException unusable(Path path, String why) {
        return new ConfigException("the state directory " + path + " cannot be used: " + why
                + " (set state.dir or HAVEN_STATE_DIR to another directory)");
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Nothing more to do.
            }
        }
    }

    private static String expandHome(String dir, Map<String, String> env) {
        return dir.startsWith("~/") ? home(env) + dir.substring(1) : dir;
    }

    private static String home(Map<String, String> env) {
        String home = env.get("HOME");
        return home != null && !home.isBlank() ? home : System.getProperty("user.home");
    }
}
