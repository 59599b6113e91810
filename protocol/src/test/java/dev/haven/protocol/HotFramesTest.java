package dev.haven.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.protocol.model.ContentWarning;
import dev.haven.protocol.model.CwLabel;
import dev.haven.protocol.model.MemberInfo;
import dev.haven.protocol.model.PresenceKind;
import dev.haven.protocol.model.Role;
import dev.haven.protocol.model.UserInfo;
import dev.haven.protocol.server.EmptyResult;
import dev.haven.protocol.server.ErrorReply;
import dev.haven.protocol.server.HelloResult;
import dev.haven.protocol.server.MessageEvent;
import dev.haven.protocol.server.Ok;
import dev.haven.protocol.server.PresenceEvent;
import dev.haven.protocol.server.SendResult;
import dev.haven.protocol.server.ServerMessage;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The hand-written frames against Jackson, byte for byte, over generated frames whose strings
 * hold every kind of character (quotes, backslashes, controls, non-ASCII, surrogate pairs,
 * lone surrogates); and each hand-written frame decodes, by the client's decoder, to the
 * record it was made from.
 */
class HotFramesTest {
    private static final int FRAMES = 40_000;
    private static final String[] PIECES = {"a", "Z", "0", " ", "\"", "\\", "/", "\n", "\t", "\r", "\b", "\f",
        "\u0000", "\u0001", "\u001f", "\u007f", "\u0080", "\u00e9", "\u07ff", "\u0800", "\u4e2d", "\u2028", "\ufffd",
        "\uffff", "\ud83d\ude00", "\udbff\udfff", "\ud800", "\udc00", "<", "&", "'"};

    private final ProtocolCodec codec = new ProtocolCodec();
    private final Random random = new Random(13L);

    @Test
    void write_generatedFrames_sameBytesAsJackson() {
        JsonOutput out = new JsonOutput(16);
        int byHand = 0;
        for (int i = 0; i < FRAMES; i++) {
            ServerMessage message = frame();
            out.reset();
            out.write('x');
            boolean written = HotFrames.write(message, out);
            byte[] jackson = codec.encodeWithJackson(message);
            if (written) {
                byHand++;
                byte[] hand = java.util.Arrays.copyOfRange(out.array(), 1, out.length());
                assertThat(new String(hand, StandardCharsets.UTF_8)).as("frame %s", message)
                        .isEqualTo(new String(jackson, StandardCharsets.UTF_8));
                assertThat(hand).isEqualTo(jackson);
            } else {
                assertThat(out.length()).as("nothing left behind").isEqualTo(1);
            }
            assertThat(codec.encode(message)).isEqualTo(jackson);
        }
        // Lone surrogates go to Jackson; nearly everything else is written by hand.
        assertThat(byHand).isGreaterThan(FRAMES / 2);
    }

    @Test
    void encode_loneSurrogate_isLeftToJackson() {
        MessageEvent event = new MessageEvent("r", 1, new UserInfo("u", "Sky", Role.MEMBER), "hi", 5, "x\ud800");
        JsonOutput out = new JsonOutput();
        assertThat(HotFrames.write(event, out)).isFalse();
        assertThat(out.length()).isZero();
        assertThat(codec.encodeToString(event)).endsWith("\"clientId\":\"x\\uD800\"}");
    }

    @Test
    void encode_handWrittenFrames_decodeToTheSameRecords() throws Exception {
        UserInfo sky = new UserInfo("u2", "Sky \"S\"", Role.FACILITATOR);
        MessageEvent message = new MessageEvent("anx", 9, sky, "line one\nline two \ud83d\ude00", 1_700_000_000_000L,
                "c-9", new ContentWarning(CwLabel.CUSTOM, "loss"));
        PresenceEvent presence = new PresenceEvent("anx", PresenceKind.JOIN,
                new MemberInfo("u2", "Sky", Role.MEMBER, true, 17L, false));
        ErrorReply error = new ErrorReply("3", ErrorCode.SLOW_MODE, "slow mode is on", 4000L);
        for (ServerMessage event : new ServerMessage[] {message, presence, error}) {
            assertThat(codec.decodeServer(new String(codec.encode(event), StandardCharsets.UTF_8), id -> null))
                    .isEqualTo(event);
        }
        assertThat(codec.decodeServer(codec.encodeToString(new Ok("1", new SendResult(9))), id -> SendResult.class))
                .isEqualTo(new Ok("1", new SendResult(9)));
    }

    @Test
    void number_extremes_areWrittenLikeJackson() {
        for (long value : new long[] {0, -1, 9, 10, Long.MAX_VALUE, Long.MIN_VALUE, Integer.MIN_VALUE}) {
            ErrorReply reply = new ErrorReply(null, ErrorCode.RATE_LIMITED, "m", value);
            assertThat(codec.encode(reply)).isEqualTo(codec.encodeWithJackson(reply));
        }
    }

    private ServerMessage frame() {
        return switch (random.nextInt(7)) {
            case 0, 1 -> new MessageEvent(text(1), random.nextLong(), user(), text(0), random.nextLong(),
                    random.nextBoolean() ? null : text(0), cw());
            case 2 -> new Ok(id(), switch (random.nextInt(5)) {
                case 0 -> SendResult.heldForFacilitators();
                case 1 -> SendResult.duplicateOf(random.nextInt(1000));
                case 2 -> EmptyResult.INSTANCE;
                case 3 -> new HelloResult(user(), random.nextInt(100), random.nextBoolean() ? null : text(0));
                default -> new SendResult(random.nextLong());
            });
            case 3, 4 -> new PresenceEvent(text(1), PresenceKind.values()[random.nextInt(3)],
                    new MemberInfo(text(1), text(1), role(), random.nextBoolean(),
                            random.nextBoolean() ? null : random.nextLong(),
                            random.nextInt(3) == 0 ? null : random.nextBoolean()));
            default -> new ErrorReply(id(), ErrorCode.values()[random.nextInt(ErrorCode.values().length)], text(0),
                    random.nextBoolean() ? null : (long) random.nextInt(100_000));
        };
    }

    private UserInfo user() {
        return new UserInfo(text(1), text(1), role());
    }

    private Role role() {
        return new Role[] {Role.MEMBER, Role.FACILITATOR, Role.SUPERVISOR}[random.nextInt(3)];
    }

    private ContentWarning cw() {
        if (random.nextInt(4) != 0) {
            return null;
        }
        CwLabel label = CwLabel.values()[random.nextInt(CwLabel.values().length - 1)];
        return new ContentWarning(label, label == CwLabel.CUSTOM || random.nextBoolean() ? "w " + letters() : null);
    }

    private String id() {
        return random.nextInt(4) == 0 ? null : text(0);
    }

    private String letters() {
        return Integer.toString(random.nextInt(1_000_000), 36);
    }

    /** Some characters, at least {@code min} of them, mostly ASCII letters; a lone surrogate now and then. */
    private String text(int min) {
        StringBuilder text = new StringBuilder();
        int length = min + random.nextInt(24);
        for (int i = 0; i < length; i++) {
            if (random.nextInt(4) == 0) {
                String piece = PIECES[random.nextInt(PIECES.length)];
                if (piece.length() == 1 && Character.isSurrogate(piece.charAt(0)) && random.nextInt(10) != 0) {
                    continue;
                }
                text.append(piece);
            } else {
                text.append((char) ('a' + random.nextInt(26)));
            }
        }
        if (text.toString().isBlank()) {
            text.append('x');
        }
        return text.toString();
    }
}
