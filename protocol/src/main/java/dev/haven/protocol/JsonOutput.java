package dev.haven.protocol;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte buffer that JSON is written into, by hand ({@link HotFrames}) or by Jackson
 * (it is an {@link OutputStream}). Meant to be reused: one per thread, {@link #reset} before
 * each frame, so writing a frame allocates nothing once the buffer has grown to its size. Not
 * thread-safe.
 *
 * <p>Strings are written as Jackson writes them with the protocol's settings, byte for byte:
 * UTF-8, a surrogate pair as one four-byte sequence, {@code "} and {@code \} escaped, the C0
 * controls as {@code \b \t \n \f \r} or as a six-character escape (upper-case hex), and
 * everything else as is. Jackson escapes a lone surrogate; {@link #string} refuses it instead,
 * and the caller lets Jackson write that frame.
 */
public final class JsonOutput extends OutputStream {
    /** For each ASCII character: 0 written as is, -1 as a six-character escape, else the letter after the backslash. */
    private static final byte[] ESCAPES = new byte[128];
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPES[c] = -1;
        }
        ESCAPES['\b'] = 'b';
        ESCAPES['\t'] = 't';
        ESCAPES['\n'] = 'n';
        ESCAPES['\f'] = 'f';
        ESCAPES['\r'] = 'r';
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
    }

    private byte[] bytes;
    private int length;

    public JsonOutput() {
        this(256);
    }

    public JsonOutput(int initialCapacity) {
        this.bytes = new byte[initialCapacity];
    }

    /** Forgets what was written; keeps the buffer. */
    public void reset() {
        length = 0;
    }

    /** The buffer: the JSON is its first {@link #length} bytes. */
    public byte[] array() {
        return bytes;
    }

    public int length() {
        return length;
    }

    /** How many bytes the buffer holds before it must grow. */
    public int capacity() {
        return bytes.length;
    }

    /** Takes back what was written after the first {@code newLength} bytes. */
    void truncate(int newLength) {
        length = newLength;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    @Override
    public void write(int b) {
        ensure(1);
        bytes[length++] = (byte) b;
    }

    @Override
    public void write(byte[] source, int offset, int count) {
        ensure(count);
        System.arraycopy(source, offset, bytes, length, count);
        length += count;
    }

    /** Writes bytes made beforehand, such as a frame's constant parts. */
    void raw(byte[] source) {
        write(source, 0, source.length);
    }

    void raw(char ascii) {
        write(ascii);
    }

    /** A JSON number. */
    void number(long value) {
        ensure(20);
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                raw("-9223372036854775808".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                return;
            }
            bytes[length++] = '-';
            value = -value;
        }
        int digits = 1;
        for (long rest = value / 10; rest != 0; rest /= 10) {
            digits++;
        }
        int end = length + digits;
        for (int i = end - 1; i >= length; i--) {
            bytes[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length = end;
    }

    /**
     * A quoted JSON string.
     *
     * @return false, having written nothing, for a string with a lone surrogate
     */
    boolean string(String value) {
        int n = value.length();
        // Six bytes is the most one char can take (a C0 control as an escape); a pair takes four for two.
        ensure(6 * n + 2);
        int start = length;
        byte[] out = bytes;
        int p = length;
        out[p++] = '"';
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                byte escape = ESCAPES[c];
                if (escape == 0) {
                    out[p++] = (byte) c;
                } else if (escape > 0) {
                    out[p++] = '\\';
                    out[p++] = escape;
                } else {
                    out[p++] = '\\';
                    out[p++] = 'u';
                    out[p++] = '0';
                    out[p++] = '0';
                    out[p++] = HEX[c >> 4];
                    out[p++] = HEX[c & 0xF];
                }
            } else if (c < 0x800) {
                out[p++] = (byte) (0xC0 | (c >> 6));
                out[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (!Character.isSurrogate(c)) {
                out[p++] = (byte) (0xE0 | (c >> 12));
                out[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, value.charAt(++i));
                out[p++] = (byte) (0xF0 | (cp >> 18));
                out[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                out[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                out[p++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                length = start;
                return false;
            }
        }
        out[p++] = '"';
        length = p;
        return true;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
