package dev.haven.client.bench;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Reads the few things the load tool needs from a text frame without parsing its JSON: the
 * {@code type}, the top-level {@code id}, the {@code room} and the send stamp the tool put in
 * {@code clientId}. A receiver sees tens of thousands of frames a second on the same two cores
 * as the server, so it must cost next to nothing.
 *
 * <p>It relies on what both servers write: Haven's codec puts {@code type} first and, in replies,
 * {@code id} right after it; the reference server forwards the tool's own frames, which put
 * {@code type} first and {@code clientId} last. A quoted key such as {@code "clientId":"} cannot
 * occur inside a JSON string value, where every quote is escaped, so a plain byte search finds
 * only the real key. Values the tool looks at are plain ASCII without escapes.
 */
final class FrameScanner {
    /** What a frame is, as far as the load tool cares. */
    enum Kind {
        /** Haven's {@code message} event. */
        MESSAGE,
        /** A {@code send} request forwarded as it was by the reference server: a delivery as well. */
        SEND,
        OK,
        ERROR,
        OTHER
    }

    private static final byte[] TYPE_PREFIX = ascii("{\"type\":\"");
    private static final byte[] TYPE_KEY = ascii("\"type\":\"");
    private static final byte[] ID_KEY = ascii("\"id\":\"");
    private static final byte[] ROOM_KEY = ascii("\"room\":\"");
    private static final byte[] CODE_KEY = ascii("\"code\":\"");
    private static final byte[] CLIENT_ID_KEY = ascii("\"clientId\":\"");
    private static final byte[] MESSAGE_VALUE = ascii("message\"");
    private static final byte[] SEND_VALUE = ascii("send\"");
    private static final byte[] OK_VALUE = ascii("ok\"");
    private static final byte[] ERROR_VALUE = ascii("error\"");

    private FrameScanner() {
    }

    static Kind kind(ByteBuf frame) {
        int start = frame.readerIndex();
        int valueStart;
        if (startsWith(frame, start, TYPE_PREFIX)) {
            valueStart = start + TYPE_PREFIX.length;
        } else {
            int key = indexOf(frame, TYPE_KEY, start);
            if (key < 0) {
                return Kind.OTHER;
            }
            valueStart = key + TYPE_KEY.length;
        }
        if (startsWith(frame, valueStart, MESSAGE_VALUE)) {
            return Kind.MESSAGE;
        }
        if (startsWith(frame, valueStart, SEND_VALUE)) {
            return Kind.SEND;
        }
        if (startsWith(frame, valueStart, OK_VALUE)) {
            return Kind.OK;
        }
        if (startsWith(frame, valueStart, ERROR_VALUE)) {
            return Kind.ERROR;
        }
        return Kind.OTHER;
    }

    /** The {@code type} of the frame, or null. */
    static String type(ByteBuf frame) {
        return stringValue(frame, TYPE_KEY);
    }

    /** The first {@code "id"} string of the frame (the request id of a reply), or null. */
    static String id(ByteBuf frame) {
        return stringValue(frame, ID_KEY);
    }

    /** The first {@code "room"} string of the frame, or null. */
    static String room(ByteBuf frame) {
        return stringValue(frame, ROOM_KEY);
    }

    /** The {@code code} of an error reply, or null. */
    static String code(ByteBuf frame) {
        return stringValue(frame, CODE_KEY);
    }

    /**
     * Where the value of {@code clientId} starts, or -1. The load tool writes it as
     * {@code <phase>.<nanos>}: the phase of the run that sent it and the send time in
     * nanoseconds since the run began.
     */
    static int stampStart(ByteBuf frame) {
        int key = lastIndexOf(frame, CLIENT_ID_KEY);
        return key < 0 ? -1 : key + CLIENT_ID_KEY.length;
    }

    /** The phase of a stamp, or -1 when the stamp is not the tool's. */
    static int stampPhase(ByteBuf frame, int stampStart) {
        long phase = digits(frame, stampStart, '.');
        return phase < 0 || phase > Integer.MAX_VALUE ? -1 : (int) phase;
    }

    /** The send time of a stamp (nanoseconds since the run began), or -1 when it is not the tool's. */
    static long stampNanos(ByteBuf frame, int stampStart) {
        int dot = frame.indexOf(stampStart, Math.min(frame.writerIndex(), stampStart + 12), (byte) '.');
        return dot < 0 ? -1 : digits(frame, dot + 1, '"');
    }

    /** Parses decimal digits from {@code at} up to {@code end}; -1 if anything else comes first. */
    private static long digits(ByteBuf frame, int at, char end) {
        long value = 0;
        int limit = Math.min(frame.writerIndex(), at + 20);
        for (int i = at; i < limit; i++) {
            byte b = frame.getByte(i);
            if (b == end) {
                return i == at ? -1 : value;
            }
            if (b < '0' || b > '9') {
                return -1;
            }
            value = value * 10 + (b - '0');
        }
        return -1;
    }

    private static String stringValue(ByteBuf frame, byte[] key) {
        int at = indexOf(frame, key, frame.readerIndex());
        if (at < 0) {
            return null;
        }
        int start = at + key.length;
        int end = frame.indexOf(start, frame.writerIndex(), (byte) '"');
        return end < 0 ? null : frame.toString(start, end - start, StandardCharsets.UTF_8);
    }

    private static boolean startsWith(ByteBuf frame, int at, byte[] prefix) {
        if (at < frame.readerIndex() || at + prefix.length > frame.writerIndex()) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (frame.getByte(at + i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(ByteBuf frame, byte[] needle, int from) {
        int last = frame.writerIndex() - needle.length;
        for (int i = from; i <= last; i++) {
            if (startsWith(frame, i, needle)) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(ByteBuf frame, byte[] needle) {
        for (int i = frame.writerIndex() - needle.length; i >= frame.readerIndex(); i--) {
            if (startsWith(frame, i, needle)) {
                return i;
            }
        }
        return -1;
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
