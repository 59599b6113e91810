package dev.haven.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.protocol.client.ClientMessage;
import dev.haven.protocol.client.Hello;
import dev.haven.protocol.client.Join;
import dev.haven.protocol.client.Leave;
import dev.haven.protocol.client.Ping;
import dev.haven.protocol.client.Send;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hand-written reader of the frequent requests against Jackson: for every frame, valid or
 * not, {@link ProtocolCodec#decodeClient} (hand first, Jackson when it gives up) and Jackson
 * alone give the same record or the same refusal (code, message, id and type). The frames are
 * generated from a fixed seed, so a failure names a frame that can be replayed.
 */
class HotRequestsTest {
    private static final int FRAMES = 60_000;

    private final ProtocolCodec codec = new ProtocolCodec();

    @Test
    void read_plainRequests_bindsTheSameRecordsAsJackson() throws Exception {
        assertHot("{\"type\":\"send\",\"id\":\"7\",\"room\":\"anx\",\"text\":\"hello there\",\"clientId\":\"c-1\"}",
                new Send("7", "anx", "hello there", "c-1"));
        assertHot("{\"type\":\"ping\",\"id\":\"p\"}", new Ping("p"));
        assertHot(" {\"room\" : \"anx\", \"type\":\"join\", \"since\":42, \"acceptGuidelines\":true,"
                + "\"guidelinesVersion\":3}\n", new Join(null, "anx", 42L, true, 3));
        assertHot("{\"type\":\"leave\",\"id\":null,\"room\":\"anx\"}", new Leave(null, "anx"));
        assertHot("{\"type\":\"hello\",\"name\":\"Sky\"}", Hello.guest("Sky"));
        assertHot("{\"type\":\"send\",\"room\":\"r\",\"text\":\"caf\u00e9 \\u00e9\\n\\\"q\\\" \ud83d\ude00 \\ud83d\\ude00\"}",
                Send.text("r", "caf\u00e9 \u00e9\n\"q\" \ud83d\ude00 \ud83d\ude00"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\":\"send\",\"room\":\"r\",\"text\":\"a\",\"text\":\"b\"}",
        "{\"type\":\"send\",\"room\":\"r\",\"text\":\"a\",\"extra\":1}",
        "{\"type\":\"send\",\"room\":\"r\",\"text\":\"a\",\"cw\":{\"label\":\"trauma\"}}",
        "{\"type\":\"join\",\"room\":\"r\",\"since\":1.0}",
        "{\"type\":\"join\",\"room\":\"r\",\"since\":01}",
        "{\"type\":\"join\",\"room\":\"r\",\"since\":-0}",
        "{\"type\":\"join\",\"room\":\"r\",\"since\":12345678901234567890}",
        "{\"type\":\"send\",\"room\":\"r\",\"text\":\"\\a\"}",
        "{\"type\":\"send\",\"room\":\"r\",\"text\":\"\u0001\"}",
        "{\"type\":\"ping\"} x",
        "{\"type\":\"rooms\"}",
        "{\"type\":\"ping\",\"room\":\"r\"}",
        "[{\"type\":\"ping\"}]",
        "{\"type\":\"send\",\"room\":\"r\",\"text\":\"   \"}",
    })
    void read_unusualOrInvalid_leavesItToJackson(String frame) {
        byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
        assertThat(HotRequests.read(bytes, 0, bytes.length)).isNull();
        assertSameOutcome(bytes);
    }

    @Test
    void read_invalidUtf8_leavesItToJackson() {
        byte[][] frames = {
            frame("{\"type\":\"send\",\"room\":\"r\",\"text\":\"", new byte[] {(byte) 0xC0, (byte) 0x80}, "\"}"),
            frame("{\"type\":\"send\",\"room\":\"r\",\"text\":\"", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\"}"),
            frame("{\"type\":\"send\",\"room\":\"r\",\"text\":\"", new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, "\"}"),
            frame("{\"type\":\"send\",\"room\":\"r\",\"text\":\"", new byte[] {(byte) 0xE2, (byte) 0x82}, "\"}"),
            frame("{\"type\":\"send\",\"room\":\"r\",\"text\":\"", new byte[] {(byte) 0xFF}, "\"}"),
        };
        for (byte[] bytes : frames) {
            assertThat(HotRequests.read(bytes, 0, bytes.length)).isNull();
            assertSameOutcome(bytes);
        }
    }

    @Test
    void decodeClient_generatedFrames_sameOutcomeAsJackson() {
        Random random = new Random(20261208L);
        FrameGenerator generator = new FrameGenerator(random);
        int readByHand = 0;
        int valid = 0;
        for (int i = 0; i < FRAMES; i++) {
            byte[] bytes = generator.frame();
            if (random.nextInt(4) == 0) {
                bytes = generator.mutate(bytes);
            }
            Outcome jackson = assertSameOutcome(bytes);
            if (jackson.request != null) {
                valid++;
                if (HotRequests.read(bytes, 0, bytes.length) != null) {
                    readByHand++;
                }
            }
        }
        // The comparison means something only if both kinds of frame were plentiful.
        assertThat(valid).isGreaterThan(FRAMES / 5);
        assertThat(readByHand).isGreaterThan(valid / 3);
        assertThat(FRAMES - valid).isGreaterThan(FRAMES / 5);
    }

    @Test
    void decodeClient_frameInTheMiddleOfAnArray_readsOnlyItsBytes() throws Exception {
        byte[] frame = "{\"type\":\"ping\",\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8);
        byte[] array = new byte[frame.length + 10];
        java.util.Arrays.fill(array, (byte) '}');
        System.arraycopy(frame, 0, array, 5, frame.length);
        assertThat(codec.decodeClient(array, 5, frame.length)).isEqualTo(new Ping("1"));
    }

    private void assertHot(String frame, ClientMessage expected) throws ProtocolException {
        byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
        assertThat(HotRequests.read(bytes, 0, bytes.length)).isEqualTo(expected);
        assertThat(codec.decodeWithJackson(bytes, 0, bytes.length)).isEqualTo(expected);
    }

    private Outcome assertSameOutcome(byte[] bytes) {
        Outcome both = outcome(() -> codec.decodeClient(bytes, 0, bytes.length));
        Outcome jackson = outcome(() -> codec.decodeWithJackson(bytes, 0, bytes.length));
        assertThat(both).as("frame %s", new String(bytes, StandardCharsets.UTF_8)).isEqualTo(jackson);
        return jackson;
    }

    private static Outcome outcome(Decode decode) {
        try {
            return new Outcome(decode.run(), null, null, null, null);
        } catch (ProtocolException e) {
            return new Outcome(null, e.code(), e.getMessage(), e.requestId(), e.requestType());
        }
    }

    private static byte[] frame(String head, byte[] middle, String tail) {
        byte[] a = head.getBytes(StandardCharsets.UTF_8);
        byte[] c = tail.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[a.length + middle.length + c.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(middle, 0, all, a.length, middle.length);
        System.arraycopy(c, 0, all, a.length + middle.length, c.length);
        return all;
    }

    private interface Decode {
        ClientMessage run() throws ProtocolException;
    }

    private record Outcome(ClientMessage request, ErrorCode code, String message, String id, String type) {
    }

    /** Frames of the frequent request types, mostly well-formed, with every kind of oddity now and then. */
    private static final class FrameGenerator {
        private static final String[] TYPES = {"send", "send", "send", "ping", "join", "join", "leave", "hello",
            "rooms", "raise_hand", "nonsense"};
        private static final String[] KEYS = {"id", "room", "text", "clientId", "since", "acceptGuidelines",
            "guidelinesVersion", "token", "name", "resume", "cw", "category", "extra"};
        /** Pieces of well-formed JSON strings (some of them not good text: the records refuse those). */
        private static final String[] PIECES = {"a", "Z", "0", " ", "\u00e9", "\u4e2d", "\ud83d\ude00", "\\n", "\\t",
            "\\\"", "\\\\", "\\/", "\\u0041", "\\u00e9", "\\ud83d\\ude00", "\\ud800", "\\udc00", "\\u0007",
            "\\u0085", "\u0085", "\u202e", "\u2028"};
        /** Pieces that make a string malformed JSON. */
        private static final String[] BREAKERS = {"\u0007", "\\x", "\\u12", "\"", "\\"};
        private static final String[] JUNK = {"{", "}", "[", "]", ",", ":", "\"", "\\", " ", "0", "-", ".", "e",
            "n", "t", "null", "true", "\u00ff", "\u0000"};

        private final Random random;

        FrameGenerator(Random random) {
            this.random = random;
        }

        byte[] frame() {
            String type = TYPES[random.nextInt(TYPES.length)];
            List<String> fields = new ArrayList<>();
            fields.add(member("type", random.nextInt(40) == 0 ? value("anything") : quote(type)));
            for (String key : keysFor(type)) {
                if (random.nextInt(5) != 0) {
                    fields.add(member(key, value(key)));
                }
            }
            if (random.nextInt(12) == 0) {
                String key = KEYS[random.nextInt(KEYS.length)];
                fields.add(member(key, value(key)));
            }
            if (random.nextInt(3) != 0) {
                Collections.shuffle(fields, random);
            }
            String json = space() + "{" + space() + String.join("," + space(), fields) + space() + "}" + space();
            return json.getBytes(StandardCharsets.UTF_8);
        }

        byte[] mutate(byte[] frame) {
            byte[] copy = frame.clone();
            switch (random.nextInt(4)) {
                case 0:
                    return java.util.Arrays.copyOf(copy, random.nextInt(copy.length + 1));
                case 1:
                    copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                    return copy;
                case 2: {
                    int at = random.nextInt(copy.length + 1);
                    byte[] junk = JUNK[random.nextInt(JUNK.length)].getBytes(StandardCharsets.UTF_8);
                    byte[] longer = new byte[copy.length + junk.length];
                    System.arraycopy(copy, 0, longer, 0, at);
                    System.arraycopy(junk, 0, longer, at, junk.length);
                    System.arraycopy(copy, at, longer, at + junk.length, copy.length - at);
                    return longer;
                }
                default:
                    int at = random.nextInt(copy.length);
                    copy[at] = (byte) (0x80 | random.nextInt(0x80));
                    return copy;
            }
        }

        private static String[] keysFor(String type) {
            return switch (type) {
                case "send" -> new String[] {"id", "room", "text", "clientId"};
                case "join" -> new String[] {"id", "room", "since", "acceptGuidelines", "guidelinesVersion"};
                case "leave", "raise_hand" -> new String[] {"id", "room"};
                case "hello" -> new String[] {"id", "token", "name", "resume"};
                default -> new String[] {"id"};
            };
        }

        private String member(String key, String value) {
            return quote(key) + space() + ":" + space() + value;
        }

        private String value(String key) {
            int odd = random.nextInt(80);
            if (odd == 0) {
                return "null";
            }
            if (odd == 1) {
                return String.valueOf(random.nextInt(1000) - 10);
            }
            if (odd == 2) {
                return random.nextBoolean() ? "true" : "false";
            }
            if (odd == 3) {
                return "{\"label\":\"trauma\"}";
            }
            if (odd == 4) {
                return "[]";
            }
            return switch (key) {
                case "since" -> number(18);
                case "guidelinesVersion" -> number(9);
                case "acceptGuidelines" -> random.nextInt(10) == 0 ? "\"true\"" : random.nextBoolean() ? "true" : "false";
                case "id" -> quote(text(random.nextInt(20) == 0 ? 70 : 8));
                case "text" -> quote(text(random.nextInt(60)));
                case "clientId" -> quote(text(random.nextInt(20) == 0 ? 80 : 12));
                default -> quote(text(random.nextInt(12)));
            };
        }

        private String number(int digits) {
            return switch (random.nextInt(12)) {
                case 0 -> "-" + random.nextInt(100);
                case 1 -> "0" + random.nextInt(10);
                case 2 -> random.nextInt(100) + ".5";
                case 3 -> random.nextInt(10) + "e2";
                case 4 -> "9".repeat(digits + random.nextInt(3));
                case 5 -> "-0";
                case 6 -> "0";
                default -> String.valueOf(random.nextInt(100_000));
            };
        }

        private String text(int pieces) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < pieces; i++) {
                text.append(random.nextInt(4) == 0 ? PIECES[random.nextInt(PIECES.length)] : (char) ('a' + random.nextInt(26)));
            }
            if (random.nextInt(40) == 0) {
                text.insert(random.nextInt(text.length() + 1), BREAKERS[random.nextInt(BREAKERS.length)]);
            }
            return text.toString();
        }

        private String space() {
            return switch (random.nextInt(10)) {
                case 0 -> " ";
                case 1 -> "\n\t ";
                case 2 -> "\r\n";
                default -> "";
            };
        }

        private static String quote(String inner) {
            return "\"" + inner + "\"";
        }
    }
}
