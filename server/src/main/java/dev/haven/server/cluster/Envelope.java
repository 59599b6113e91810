package dev.haven.server.cluster;

import dev.haven.protocol.model.Role;
import dev.haven.server.auth.Identity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What nodes say to each other over the {@link NodeBus}, in a small binary form (frames inside
 * stay the JSON that clients receive, never decoded on the way):
 * <ul>
 * <li>{@link Request}: a connection of the sending node asks something of a room the receiver owns;
 * <li>{@link Disconnect}: that connection is gone;
 * <li>{@link Batch}: what the owner's rooms had for the receiver's connections, in order: events
 *     (one JSON for several connections) and replies, each with the epoch of the tenure that
 *     produced it, so a receiver drops what a room's previous owner still sends;
 * <li>{@link Owner}: the sender took a room over (its lease, with that epoch);
 * <li>{@link Free}: the sender gave rooms up (it is stopping): the receiver claims them now;
 * <li>{@link Supervise}: an alert for the receiver's supervisors;
 * <li>{@link Call} and {@link Answer}: a question to another node and its answer (admin API,
 *     check-ins across rooms).
 * </ul>
 */
final class Envelope {
    private static final byte REQUEST = 1;
    private static final byte DISCONNECT = 2;
    private static final byte BATCH = 3;
    private static final byte OWNER = 4;
    private static final byte FREE = 5;
    private static final byte SUPERVISE = 6;
    private static final byte CALL = 7;
    private static final byte ANSWER = 8;
    private static final byte EVENT = 1;
    private static final byte OK = 2;
    private static final byte ERROR = 3;

    private Envelope() {
    }

    /** @param request the client's request, as JSON; {@code req} names it for the reply */
    record Request(String room, long conn, long req, Identity identity, String remoteAddress, byte[] request) {
    }

    record Disconnect(String room, long conn) {
    }

    record Batch(List<Item> items) {
    }

    sealed interface Item permits Event, OkReply, ErrorItem {
        String room();

        /** The epoch of the tenure that produced it; 0 from a node that does not own the room. */
        long epoch();
    }

    /** One event for several connections of the receiving node. */
    record Event(String room, long epoch, long[] conns, byte[] json) implements Item {
    }

    /** @param result the simple name of the {@code ok}'s result type; {@code json} its fields */
    record OkReply(String room, long epoch, long conn, long req, String result, byte[] json) implements Item {
    }

    /** @param retryAfterMs or -1 */
    record ErrorItem(String room, long epoch, long conn, long req, String code, String message, long retryAfterMs)
            implements Item {
    }

    record Owner(String room, long epoch) {
    }

    record Free(List<String> rooms) {
    }

    /**
     * @param kind       what the desk does with it ({@link SupervisorRelay})
     * @param exceptUser the supervisor it is about, who does not receive it; empty for none
     * @param alert      the alert frame's JSON
     */
    record Supervise(byte kind, String exceptUser, byte[] alert) {
    }

    record Call(long call, String kind, byte[] payload) {
    }

    /** @param failed whether the callee could not answer ({@code payload} then says why, for the log) */
    record Answer(long call, boolean failed, byte[] payload) {
    }

    static byte[] encode(Object envelope) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            if (envelope instanceof Request r) {
                out.writeByte(REQUEST);
                out.writeUTF(r.room());
                out.writeLong(r.conn());
                out.writeLong(r.req());
                writeIdentity(out, r.identity());
                out.writeUTF(r.remoteAddress() == null ? "" : r.remoteAddress());
                writeBytes(out, r.request());
            } else if (envelope instanceof Disconnect d) {
                out.writeByte(DISCONNECT);
                out.writeUTF(d.room());
                out.writeLong(d.conn());
            } else if (envelope instanceof Batch b) {
                out.writeByte(BATCH);
                out.writeInt(b.items().size());
                for (Item item : b.items()) {
                    writeItem(out, item);
                }
            } else if (envelope instanceof Owner o) {
                out.writeByte(OWNER);
                out.writeUTF(o.room());
                out.writeLong(o.epoch());
            } else if (envelope instanceof Free f) {
                out.writeByte(FREE);
                out.writeInt(f.rooms().size());
                for (String room : f.rooms()) {
                    out.writeUTF(room);
                }
            } else if (envelope instanceof Supervise s) {
                out.writeByte(SUPERVISE);
                out.writeByte(s.kind());
                out.writeUTF(s.exceptUser());
                writeBytes(out, s.alert());
            } else if (envelope instanceof Call c) {
                out.writeByte(CALL);
                out.writeLong(c.call());
                out.writeUTF(c.kind());
                writeBytes(out, c.payload());
            } else if (envelope instanceof Answer a) {
                out.writeByte(ANSWER);
                out.writeLong(a.call());
                out.writeBoolean(a.failed());
                writeBytes(out, a.payload());
            } else {
                throw new IllegalArgumentException("not an envelope: " + envelope.getClass().getSimpleName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Object decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte kind = in.readByte();
            return switch (kind) {
                case REQUEST -> new Request(in.readUTF(), in.readLong(), in.readLong(), readIdentity(in),
                        emptyToNull(in.readUTF()), readBytes(in));
                case DISCONNECT -> new Disconnect(in.readUTF(), in.readLong());
                case BATCH -> {
                    int count = in.readInt();
                    List<Item> items = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        items.add(readItem(in));
                    }
                    yield new Batch(items);
                }
                case OWNER -> new Owner(in.readUTF(), in.readLong());
                case FREE -> {
                    int count = in.readInt();
                    List<String> rooms = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        rooms.add(in.readUTF());
                    }
                    yield new Free(rooms);
                }
                case SUPERVISE -> new Supervise(in.readByte(), in.readUTF(), readBytes(in));
                case CALL -> new Call(in.readLong(), in.readUTF(), readBytes(in));
                case ANSWER -> new Answer(in.readLong(), in.readBoolean(), readBytes(in));
                default -> throw new IllegalArgumentException("unknown envelope kind " + kind);
            };
        } catch (IOException e) {
            throw new IllegalArgumentException("a malformed envelope", e);
        }
    }

    private static void writeItem(DataOutputStream out, Item item) throws IOException {
        out.writeByte(item instanceof Event ? EVENT : item instanceof OkReply ? OK : ERROR);
        out.writeUTF(item.room());
        out.writeLong(item.epoch());
        if (item instanceof Event e) {
            out.writeInt(e.conns().length);
            for (long conn : e.conns()) {
                out.writeLong(conn);
            }
            writeBytes(out, e.json());
        } else if (item instanceof OkReply ok) {
            out.writeLong(ok.conn());
            out.writeLong(ok.req());
            out.writeUTF(ok.result());
            writeBytes(out, ok.json());
        } else if (item instanceof ErrorItem error) {
            out.writeLong(error.conn());
            out.writeLong(error.req());
            out.writeUTF(error.code());
            out.writeUTF(error.message());
            out.writeLong(error.retryAfterMs());
        }
    }

    private static Item readItem(DataInputStream in) throws IOException {
        byte kind = in.readByte();
        String room = in.readUTF();
        long epoch = in.readLong();
        switch (kind) {
            case EVENT -> {
                long[] conns = new long[in.readInt()];
                for (int i = 0; i < conns.length; i++) {
                    conns[i] = in.readLong();
                }
                return new Event(room, epoch, conns, readBytes(in));
            }
            case OK -> {
                return new OkReply(room, epoch, in.readLong(), in.readLong(), in.readUTF(), readBytes(in));
            }
            case ERROR -> {
                return new ErrorItem(room, epoch, in.readLong(), in.readLong(), in.readUTF(), in.readUTF(),
                        in.readLong());
            }
            default -> throw new IllegalArgumentException("unknown item kind " + kind);
        }
    }

    private static void writeIdentity(DataOutputStream out, Identity identity) throws IOException {
        out.writeUTF(identity.id());
        out.writeUTF(identity.name());
        out.writeUTF(identity.role().wireName());
        out.writeBoolean(identity.guest());
        out.writeLong(identity.expiresAt() == null ? Long.MIN_VALUE : identity.expiresAt().toEpochMilli());
        out.writeInt(identity.roleRooms() == null ? -1 : identity.roleRooms().size());
        if (identity.roleRooms() != null) {
            for (String room : identity.roleRooms()) {
                out.writeUTF(room);
            }
        }
    }

    private static Identity readIdentity(DataInputStream in) throws IOException {
        String id = in.readUTF();
        String name = in.readUTF();
        Role role = Role.fromWire(in.readUTF());
        boolean guest = in.readBoolean();
        long expires = in.readLong();
        int rooms = in.readInt();
        Set<String> roleRooms = null;
        if (rooms >= 0) {
            roleRooms = new HashSet<>();
            for (int i = 0; i < rooms; i++) {
                roleRooms.add(in.readUTF());
            }
        }
        return new Identity(id, name, role, roleRooms, guest, expires == Long.MIN_VALUE ? null : Instant.ofEpochMilli(expires));
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return bytes;
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
