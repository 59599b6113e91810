package dev.haven.server.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * WebSocket frames as bytes on the wire (RFC 6455 section 5), for tests that must send what no
 * well-behaved client sends and read exactly what the server wrote.
 */
public final class WsWire {
    public static final int TEXT = 0x1;
    public static final int BINARY = 0x2;
    public static final int CLOSE = 0x8;
    public static final int PING = 0x9;
    public static final int PONG = 0xA;
    private static final byte[] MASK = {0x37, (byte) 0xFA, 0x21, 0x3D};

    private WsWire() {
    }

    /** A masked frame, as a client sends it, with this first byte (FIN, RSV and opcode). */
    public static byte[] clientFrame(int firstByte, byte[] payload) {
        return frame(firstByte, true, payload);
    }

    /** A final masked text frame. */
    public static byte[] clientText(String text) {
        return clientFrame(0x80 | TEXT, text.getBytes(UTF_8));
    }

    /** A final masked close frame with this payload (status code and reason, or anything at all). */
    public static byte[] clientClose(byte[] payload) {
        return clientFrame(0x80 | CLOSE, payload);
    }

    /** A close payload: the code in two bytes, then the reason bytes. */
    public static byte[] closePayload(int code, byte[] reason) {
        byte[] payload = new byte[2 + reason.length];
        payload[0] = (byte) (code >>> 8);
        payload[1] = (byte) code;
        System.arraycopy(reason, 0, payload, 2, reason.length);
        return payload;
    }

    public static byte[] frame(int firstByte, boolean masked, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(firstByte);
        int maskBit = masked ? 0x80 : 0;
        if (payload.length < 126) {
            out.write(maskBit | payload.length);
        } else if (payload.length <= 0xFFFF) {
            out.write(maskBit | 126);
            out.write(payload.length >>> 8);
            out.write(payload.length & 0xFF);
        } else {
            out.write(maskBit | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) ((long) payload.length >>> shift) & 0xFF);
            }
        }
        if (masked) {
            out.writeBytes(MASK);
        }
        for (int i = 0; i < payload.length; i++) {
            out.write(masked ? payload[i] ^ MASK[i % 4] : payload[i]);
        }
        return out.toByteArray();
    }

    /** The head of a WebSocket upgrade request for {@code path}, with extra header lines. */
    public static String upgradeRequest(String path, String... headerLines) {
        StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n");
        for (String line : headerLines) {
            request.append(line).append("\r\n");
        }
        return request.append("\r\n").toString();
    }

    /** One frame as the server sent it. */
    public record Frame(boolean fin, int opcode, byte[] payload) {
        public String text() {
            return new String(payload, UTF_8);
        }

        /** The status code of a close frame, or -1 when it has none. */
        public int closeCode() {
            return payload.length < 2 ? -1 : ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        }

        public String closeReason() {
            return payload.length <= 2 ? "" : new String(payload, 2, payload.length - 2, UTF_8);
        }

        public boolean isClose() {
            return opcode == CLOSE;
        }
    }

    /** Cuts server frames out of the bytes fed to it, however they were split. */
    public static final class Reader {
        private byte[] buffer = new byte[0];

        public void feed(byte[] bytes) {
            byte[] joined = Arrays.copyOf(buffer, buffer.length + bytes.length);
            System.arraycopy(bytes, 0, joined, buffer.length, bytes.length);
            buffer = joined;
        }

        /** The next whole frame, or null when the bytes so far hold none. */
        public Frame next() {
            if (buffer.length < 2) {
                return null;
            }
            ByteBuffer in = ByteBuffer.wrap(buffer);
            int first = in.get() & 0xFF;
            int second = in.get() & 0xFF;
            if ((second & 0x80) != 0) {
                throw new AssertionError("a server frame must not be masked");
            }
            long length = second & 0x7F;
            if (length == 126) {
                if (in.remaining() < 2) {
                    return null;
                }
                length = in.getShort() & 0xFFFF;
            } else if (length == 127) {
                if (in.remaining() < 8) {
                    return null;
                }
                length = in.getLong();
            }
            if (in.remaining() < length) {
                return null;
            }
            byte[] payload = new byte[Math.toIntExact(length)];
            in.get(payload);
            buffer = Arrays.copyOfRange(buffer, in.position(), buffer.length);
            return new Frame((first & 0x80) != 0, first & 0x0F, payload);
        }

        /** Bytes fed but not yet cut into frames. */
        public int pending() {
            return buffer.length;
        }
    }
}
