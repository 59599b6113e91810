package dev.haven.server.state;

import dev.haven.server.config.ConfigException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rooms' state in the state directory: one journal per room, {@code rooms/<room id>.state}. A
 * write appends one record (the parts it sets) and forces it to disk before its future
 * completes, so what a completed write set survives a crash the next instant. A record is
 * {@code length, CRC-32, parts}; a record cut short by a crash fails its length or its CRC and
 * is dropped when the journal is read (it was never reported written). When a journal has grown
 * past four times what it holds, it is rewritten as one record into a temporary file, forced,
 * and renamed over the old one, so a crash leaves the old journal or the new one, never half.
 *
 * <p>The fence of a write is not checked: the state directory's lock ({@link StateDirectory})
 * already keeps every other server out, so this store's writer is the only one.
 *
 * <p><b>Threading.</b> Every write runs on one thread of its own, {@code haven-state}, in the
 * order submitted, and completes its future there; at most {@link #MAX_QUEUED} writes wait
 * (each room has at most one in flight: {@link WriteThrough}), beyond which a write fails at once
 * and is retried by its room. {@link #load} reads what the journals hold in memory (read once,
 * at start) and may be called from any thread.
 */
final class FileRoomStateStore implements RoomStateStore, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FileRoomStateStore.class);
    static final String DIRECTORY = "rooms";
    static final String SUFFIX = ".state";
    static final int MAX_QUEUED = 10_000;
    /** "HVNSTAT1": a journal of this format. */
    private static final long MAGIC = 0x48564E5354415431L;
    private static final int HEADER = Long.BYTES;
    /** A journal smaller than this is never rewritten. */
    static final long COMPACT_AT = 64 * 1024;
    private static final int MAX_RECORD = 64 * 1024 * 1024;

    private final Path directory;
    private final Map<String, Journal> journals = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor writer;

    /** Reads every journal in {@code stateDirectory/rooms}. @throws ConfigException when one cannot be read */
    FileRoomStateStore(Path stateDirectory) {
        this.directory = stateDirectory.resolve(DIRECTORY);
        try {
            Files.createDirectories(directory);
            try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
                for (Path file : files) {
                    String name = file.getFileName().toString();
                    String room = name.substring(0, name.length() - SUFFIX.length());
                    journals.put(room, Journal.read(room, file));
                }
            }
        } catch (IOException e) {
            throw new ConfigException("the rooms' state in " + directory + " cannot be read: " + e.getMessage(), e);
        }
        this.writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(MAX_QUEUED),
                task -> {
                    Thread thread = new Thread(task, "haven-state");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    @Override
    public CompletableFuture<Void> write(Fence fence, Map<String, byte[]> parts) {
        Map<String, byte[]> copy = new TreeMap<>();
        parts.forEach((name, value) -> copy.put(name, value.clone()));
        return submit(() -> {
            journal(fence.room()).append(copy);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> clear(Fence fence) {
        return submit(() -> {
            Journal journal = journals.remove(fence.room());
            if (journal != null) {
                journal.delete();
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<Map<String, byte[]>> load(String room) {
        Journal journal = journals.get(room);
        return CompletableFuture.completedFuture(journal == null ? new HashMap<>() : journal.parts());
    }

    /** Finishes the writes submitted (for up to 5 s); later writes fail. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("the rooms' state writes did not finish within 5 s of the stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Journal journal(String room) {
        return journals.computeIfAbsent(room, id -> new Journal(id, directory.resolve(id + SUFFIX)));
    }

    private <T> CompletableFuture<T> submit(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            writer.execute(() -> {
                try {
                    result.complete(work.get());
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new UncheckedIOException(new IOException(writer.isShutdown()
                    ? "the state directory is closed" : "more than " + MAX_QUEUED + " state writes are waiting")));
        }
        return result;
    }

    /** One room's journal: what it holds, and its file. Used on the writer's thread; {@link #parts} from any. */
    private static final class Journal {
        private final String room;
        private final Path file;
        private final Map<String, byte[]> parts = new TreeMap<>();
        /** The file's length: where the next record goes. 0 when the file does not exist yet. */
        private long length;
        /** A write failed part-way: the file's tail is in doubt, so the next write rewrites it whole. */
        private boolean rewrite;

        Journal(String room, Path file) {
            this.room = room;
            this.file = file;
        }

        static Journal read(String room, Path file) throws IOException {
            Journal journal = new Journal(room, file);
            byte[] bytes = Files.readAllBytes(file);
            ByteBuffer in = ByteBuffer.wrap(bytes);
            if (bytes.length < HEADER || in.getLong() != MAGIC) {
                throw new IOException(file + " is not a Haven room state journal of this version"
                        + " (move it away to start without that room's kept state)");
            }
            long good = HEADER;
            while (in.remaining() >= 2 * Integer.BYTES) {
                int size = in.getInt();
                int crc = in.getInt();
                if (size < 0 || size > in.remaining()) {
                    break;
                }
                byte[] record = new byte[size];
                in.get(record);
                if (crc(record) != crc) {
                    break;
                }
                journal.apply(decode(record));
                good = in.position();
            }
            if (good < bytes.length) {
                // A record cut short by a crash: its write never completed, so nobody was told it was kept.
                log.warn("room state journal {}: {} bytes at its end are incomplete and are dropped", file.getFileName(),
                        bytes.length - good);
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.truncate(good);
                    channel.force(true);
                }
            }
            journal.length = good;
            return journal;
        }

        synchronized Map<String, byte[]> parts() {
            Map<String, byte[]> copy = new HashMap<>();
            parts.forEach((name, value) -> copy.put(name, value.clone()));
            return copy;
        }

        void append(Map<String, byte[]> changes) {
            byte[] record = record(changes);
            try {
                if (rewrite || length == 0 || length + record.length > COMPACT_AT && length + record.length > 4 * live()) {
                    apply(changes);
                    rewriteWhole();
                    return;
                }
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.position(length);
                    writeFully(channel, record);
                    channel.force(false);
                }
                length += record.length;
                apply(changes);
            } catch (IOException e) {
                rewrite = true;
                throw new UncheckedIOException("cannot write the state of room " + room + " to " + file, e);
            }
        }

        /** The journal as one record, into a temporary file, forced, then renamed over the old one. */
        private void rewriteWhole() throws IOException {
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            byte[] record;
            synchronized (this) {
                record = record(parts);
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                writeFully(channel, ByteBuffer.allocate(HEADER).putLong(0, MAGIC).array());
                writeFully(channel, record);
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            forceDirectory(file.getParent());
            length = HEADER + record.length;
            rewrite = false;
        }

        void delete() {
            try {
                Files.deleteIfExists(file);
                forceDirectory(file.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the state of room " + room + " at " + file, e);
            }
        }

        private synchronized void apply(Map<String, byte[]> changes) {
            changes.forEach((name, value) -> {
                if (value.length == 0) {
                    parts.remove(name);
                } else {
                    parts.put(name, value);
                }
            });
        }

        /** What the journal would be as one record. */
        private synchronized long live() {
            long size = HEADER + 3L * Integer.BYTES;
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                size += 2 + part.getKey().length() * 3L + Integer.BYTES + part.getValue().length;
            }
            return size;
        }
    }

    /** {@code length, crc, count, (name, value length, value)...}. */
    static byte[] record(Map<String, byte[]> parts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(body)) {
            out.writeInt(parts.size());
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                out.writeUTF(part.getKey());
                out.writeInt(part.getValue().length);
                out.write(part.getValue());
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        byte[] payload = body.toByteArray();
        if (payload.length > MAX_RECORD) {
            throw new IllegalArgumentException("a room's state of " + payload.length + " bytes is over the bound");
        }
        return ByteBuffer.allocate(2 * Integer.BYTES + payload.length)
                .putInt(payload.length).putInt(crc(payload)).put(payload).array();
    }

    private static Map<String, byte[]> decode(byte[] payload) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(payload);
        try {
            int count = in.getInt();
            Map<String, byte[]> parts = new TreeMap<>();
            for (int i = 0; i < count; i++) {
                byte[] name = new byte[Short.toUnsignedInt(in.getShort())];
                in.get(name);
                byte[] value = new byte[in.getInt()];
                in.get(value);
                parts.put(new String(name, StandardCharsets.UTF_8), value);
            }
            return parts;
        } catch (RuntimeException e) {
            throw new IOException("a record whose CRC matches does not decode", e);
        }
    }

    private static int crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return (int) crc.getValue();
    }

    private static void writeFully(FileChannel channel, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** So that a file created, renamed or deleted stays so after a crash (Linux). */
    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // Not every system can open a directory; the rename itself is still atomic.
        }
    }
}
