package dev.haven.protocol;

import dev.haven.protocol.client.ClientMessage;
import dev.haven.protocol.client.Hello;
import dev.haven.protocol.client.Join;
import dev.haven.protocol.client.Leave;
import dev.haven.protocol.client.Ping;
import dev.haven.protocol.client.Send;
import java.nio.charset.StandardCharsets;

/**
 * Reads the requests a client sends most ({@code send}, {@code ping}, {@code join},
 * {@code leave}, {@code hello}) straight from the frame's bytes, without Jackson's per-call
 * machinery (a parser, duplicate-detection sets, buffers, a reflective constructor call), which
 * was most of the cost of decoding a message.
 *
 * <p>It only ever says yes: a frame it reads is one Jackson would bind to the same record. On
 * anything it is not sure of it gives up and the caller decodes with Jackson, so every refusal
 * is Jackson's, word for word. It gives up on: any byte outside one flat JSON object; a key it
 * does not know or that the request type has no field for (Jackson ignores unknown keys; it
 * may also refuse them as duplicates); a duplicate key; a value of another JSON type than the
 * field's (objects and arrays included, so a {@code cw} goes to Jackson); a number with a
 * fraction, an exponent, a leading zero, a minus zero or more digits than its type surely
 * holds; a string with a raw control character, an unknown escape, invalid UTF-8, or over the
 * protocol's string limit; an id over {@link ProtocolCodec#MAX_ID_LENGTH}; and a record whose
 * constructor refuses its fields. {@code HotRequestsTest} checks the two paths agree over
 * generated frames, valid and not. Stateless; a scratch array per thread for non-ASCII text.
 */
final class HotRequests {
    private static final int TYPE = 0;
    private static final int ID = 1;
    private static final int ROOM = 2;
    private static final int TEXT = 3;
    private static final int CLIENT_ID = 4;
    private static final int SINCE = 5;
    private static final int ACCEPT_GUIDELINES = 6;
    private static final int GUIDELINES_VERSION = 7;
    private static final int TOKEN = 8;
    private static final int NAME = 9;
    private static final int RESUME = 10;
    private static final byte[][] KEYS = {
        ascii("type"), ascii("id"), ascii("room"), ascii("text"), ascii("clientId"), ascii("since"),
        ascii("acceptGuidelines"), ascii("guidelinesVersion"), ascii("token"), ascii("name"), ascii("resume"),
    };
    private static final int FIELDS_OF_PING = bits(TYPE, ID);
    private static final int FIELDS_OF_LEAVE = bits(TYPE, ID, ROOM);
    private static final int FIELDS_OF_SEND = bits(TYPE, ID, ROOM, TEXT, CLIENT_ID);
    private static final int FIELDS_OF_JOIN = bits(TYPE, ID, ROOM, SINCE, ACCEPT_GUIDELINES, GUIDELINES_VERSION);
    private static final int FIELDS_OF_HELLO = bits(TYPE, ID, TOKEN, NAME, RESUME);
    private static final int STRING_FIELDS = bits(TYPE, ID, ROOM, TEXT, CLIENT_ID, TOKEN, NAME, RESUME);
    /** Jackson's {@code StreamReadConstraints.maxStringLength} as the protocol sets it, in bytes here: stricter. */
    private static final int MAX_STRING_BYTES = 64 * 1024;
    /** At most this many digits surely fit a {@code long}; longer numbers go to Jackson. */
    private static final int MAX_LONG_DIGITS = 18;
    private static final int MAX_INT_DIGITS = 9;
    private static final ThreadLocal<char[]> SCRATCH = ThreadLocal.withInitial(() -> new char[256]);

    private HotRequests() {
    }

    /** The request in these bytes, or null when Jackson must decode them. */
    static ClientMessage read(byte[] utf8, int offset, int length) {
        try {
            return new Reader(utf8, offset, offset + length).request();
        } catch (GiveUp | IllegalArgumentException notSure) {
            // Malformed, unusual, or refused by the record: Jackson decodes it and says why.
            return null;
        }
    }

    /** One frame being read. Every give-up is the one preallocated {@link GiveUp}: no stack trace is made. */
    private static final class Reader {
        private final byte[] in;
        private final int end;
        private int p;
        private int seen;
        // Fields rather than arrays indexed by field: a reader then costs one small object.
        private String type;
        private String id;
        private String room;
        private String text;
        private String clientId;
        private String token;
        private String name;
        private String resume;
        private Long since;
        private Integer guidelinesVersion;
        private Boolean acceptGuidelines;

        Reader(byte[] in, int start, int end) {
            this.in = in;
            this.p = start;
            this.end = end;
        }

        ClientMessage request() throws GiveUp {
            skipSpace();
            expect('{');
            skipSpace();
            if (peek() == '}') {
                throw GiveUp.INSTANCE;
            }
            while (true) {
                int field = key();
                if ((seen & (1 << field)) != 0) {
                    throw GiveUp.INSTANCE;
                }
                seen |= 1 << field;
                skipSpace();
                expect(':');
                skipSpace();
                value(field);
                skipSpace();
                byte next = next();
                if (next == '}') {
                    break;
                }
                if (next != ',') {
                    throw GiveUp.INSTANCE;
                }
                skipSpace();
            }
            skipSpace();
            if (p != end || type == null) {
                throw GiveUp.INSTANCE;
            }
            if (id != null && id.length() > ProtocolCodec.MAX_ID_LENGTH) {
                throw GiveUp.INSTANCE;
            }
            switch (type) {
                case "send":
                    allow(FIELDS_OF_SEND);
                    return new Send(id, room, text, clientId, null);
                case "ping":
                    allow(FIELDS_OF_PING);
                    return new Ping(id);
                case "join":
                    allow(FIELDS_OF_JOIN);
                    return new Join(id, room, since, acceptGuidelines, guidelinesVersion);
                case "leave":
                    allow(FIELDS_OF_LEAVE);
                    return new Leave(id, room);
                case "hello":
                    allow(FIELDS_OF_HELLO);
                    return new Hello(id, token, name, resume);
                default:
                    throw GiveUp.INSTANCE;
            }
        }

        private void allow(int fields) throws GiveUp {
            if ((seen & ~fields) != 0) {
                throw GiveUp.INSTANCE;
            }
        }

        /** A key, as the index of the field it names. */
        private int key() throws GiveUp {
            expect('"');
            int start = p;
            while (p < end && in[p] != '"') {
                p++;
            }
            if (p == end) {
                throw GiveUp.INSTANCE;
            }
            int keyLength = p - start;
            p++;
            for (int field = 0; field < KEYS.length; field++) {
                byte[] key = KEYS[field];
                if (key.length == keyLength && java.util.Arrays.equals(key, 0, keyLength, in, start, start + keyLength)) {
                    return field;
                }
            }
            throw GiveUp.INSTANCE;
        }

        private void value(int field) throws GiveUp {
            byte first = peek();
            if (first == 'n') {
                literal("null");
                // null binds as the field's absence; the record decides whether that will do.
                if (field == TYPE) {
                    throw GiveUp.INSTANCE;
                }
            } else if ((STRING_FIELDS & (1 << field)) != 0) {
                String value = string();
                switch (field) {
                    case TYPE -> type = value;
                    case ID -> id = value;
                    case ROOM -> room = value;
                    case TEXT -> text = value;
                    case CLIENT_ID -> clientId = value;
                    case TOKEN -> token = value;
                    case NAME -> name = value;
                    default -> resume = value;
                }
            } else if (field == ACCEPT_GUIDELINES) {
                if (first == 't') {
                    literal("true");
                    acceptGuidelines = Boolean.TRUE;
                } else {
                    literal("false");
                    acceptGuidelines = Boolean.FALSE;
                }
            } else if (field == SINCE) {
                since = integer(MAX_LONG_DIGITS);
            } else {
                guidelinesVersion = (int) integer(MAX_INT_DIGITS);
            }
        }

        private void literal(String word) throws GiveUp {
            for (int i = 0; i < word.length(); i++) {
                if (next() != word.charAt(i)) {
                    throw GiveUp.INSTANCE;
                }
            }
            if (p < end && isWordByte(in[p])) {
                throw GiveUp.INSTANCE;
            }
        }

        private long integer(int maxDigits) throws GiveUp {
            boolean negative = peek() == '-';
            if (negative) {
                p++;
            }
            int start = p;
            long value = 0;
            while (p < end && in[p] >= '0' && in[p] <= '9') {
                value = value * 10 + (in[p] - '0');
                p++;
            }
            int digits = p - start;
            boolean leadingZero = digits > 1 && in[start] == '0';
            if (digits == 0 || digits > maxDigits || leadingZero || (negative && value == 0)
                    || (p < end && isWordByte(in[p]))) {
                throw GiveUp.INSTANCE;
            }
            return negative ? -value : value;
        }

        /** After a number or a literal, anything that would make it another token: a fraction, an exponent, a letter. */
        private static boolean isWordByte(byte b) {
            return b == '.' || b == 'e' || b == 'E' || b == '+' || b == '-' || (b >= '0' && b <= '9')
                    || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b == '_' || b < 0;
        }

        private String string() throws GiveUp {
            expect('"');
            int start = p;
            // The common case: printable ASCII without escapes, which Latin-1 decodes as is.
            while (p < end) {
                byte b = in[p];
                if (b == '"') {
                    if (p - start > MAX_STRING_BYTES) {
                        throw GiveUp.INSTANCE;
                    }
                    String value = new String(in, start, p - start, StandardCharsets.ISO_8859_1);
                    p++;
                    return value;
                }
                if (b == '\\' || b < 0x20) {
                    break;
                }
                p++;
            }
            p = start;
            return decodedString();
        }

        /** A string with escapes or non-ASCII characters, decoded strictly. */
        private String decodedString() throws GiveUp {
            int start = p;
            char[] chars = SCRATCH.get();
            int n = 0;
            while (true) {
                if (p >= end || p - start > MAX_STRING_BYTES) {
                    throw GiveUp.INSTANCE;
                }
                if (n + 2 > chars.length) {
                    chars = java.util.Arrays.copyOf(chars, Math.max(chars.length * 2, n + 2));
                    SCRATCH.set(chars);
                }
                int b = in[p++] & 0xFF;
                if (b == '"') {
                    return new String(chars, 0, n);
                } else if (b == '\\') {
                    chars[n++] = escape();
                } else if (b < 0x20) {
                    throw GiveUp.INSTANCE;
                } else if (b < 0x80) {
                    chars[n++] = (char) b;
                } else if (b >= 0xC2 && b <= 0xDF) {
                    chars[n++] = (char) (((b & 0x1F) << 6) | continuation(0x80, 0xBF));
                } else if (b >= 0xE0 && b <= 0xEF) {
                    int low = b == 0xE0 ? 0xA0 : 0x80;
                    int high = b == 0xED ? 0x9F : 0xBF;
                    int second = continuation(low, high);
                    chars[n++] = (char) (((b & 0x0F) << 12) | (second << 6) | continuation(0x80, 0xBF));
                } else if (b >= 0xF0 && b <= 0xF4) {
                    int low = b == 0xF0 ? 0x90 : 0x80;
                    int high = b == 0xF4 ? 0x8F : 0xBF;
                    int second = continuation(low, high);
                    int third = continuation(0x80, 0xBF);
                    int codePoint = ((b & 0x07) << 18) | (second << 12) | (third << 6) | continuation(0x80, 0xBF);
                    chars[n++] = Character.highSurrogate(codePoint);
                    chars[n++] = Character.lowSurrogate(codePoint);
                } else {
                    throw GiveUp.INSTANCE;
                }
            }
        }

        /** The six bits of a continuation byte that must lie in [low, high]. */
        private int continuation(int low, int high) throws GiveUp {
            if (p >= end) {
                throw GiveUp.INSTANCE;
            }
            int b = in[p++] & 0xFF;
            if (b < low || b > high) {
                throw GiveUp.INSTANCE;
            }
            return b & 0x3F;
        }

        private char escape() throws GiveUp {
            byte b = next();
            switch (b) {
                case '"':
                    return '"';
                case '\\':
                    return '\\';
                case '/':
                    return '/';
                case 'b':
                    return '\b';
                case 'f':
                    return '\f';
                case 'n':
                    return '\n';
                case 'r':
                    return '\r';
                case 't':
                    return '\t';
                case 'u':
                    int value = 0;
                    for (int i = 0; i < 4; i++) {
                        int digit = Character.digit(next(), 16);
                        if (digit < 0) {
                            throw GiveUp.INSTANCE;
                        }
                        value = (value << 4) | digit;
                    }
                    return (char) value;
                default:
                    throw GiveUp.INSTANCE;
            }
        }

        private void skipSpace() {
            while (p < end) {
                byte b = in[p];
                if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                    return;
                }
                p++;
            }
        }

        private byte peek() throws GiveUp {
            if (p >= end) {
                throw GiveUp.INSTANCE;
            }
            return in[p];
        }

        private byte next() throws GiveUp {
            if (p >= end) {
                throw GiveUp.INSTANCE;
            }
            return in[p++];
        }

        private void expect(char c) throws GiveUp {
            if (next() != c) {
                throw GiveUp.INSTANCE;
            }
        }
    }

    /** Thrown when the frame is not one this reader is sure of; made once, without a stack trace. */
    private static final class GiveUp extends Exception {
        private static final long serialVersionUID = 1L;
        static final GiveUp INSTANCE = new GiveUp();

        private GiveUp() {
            super(null, null, false, false);
        }
    }

    private static int bits(int... fields) {
        int mask = 0;
        for (int field : fields) {
            mask |= 1 << field;
        }
        return mask;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
