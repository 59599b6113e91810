package dev.haven.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Named.named;

import dev.haven.protocol.client.ClientMessage;
import dev.haven.protocol.client.Hello;
import dev.haven.protocol.client.Join;
import dev.haven.protocol.client.ListRooms;
import dev.haven.protocol.client.Ping;
import dev.haven.protocol.client.Send;
import dev.haven.protocol.server.JoinResult;
import dev.haven.protocol.server.SendResult;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DecodeRejectionTest {
    private static final int MAX_STRING = 64 * 1024;
    private static final ProtocolCodec CODEC = new ProtocolCodec();

    private static ProtocolException rejection(ThrowingCallable decode) {
        Throwable thrown = catchThrowable(decode);
        assertThat(thrown).isInstanceOf(ProtocolException.class);
        return (ProtocolException) thrown;
    }

    private static ProtocolException clientRejection(String json) {
        return rejection(() -> CODEC.decodeClient(json));
    }

    private static String nested(int depth, String key) {
        // the outer object is one level; each array adds one
        return "{\"type\":\"ping\",\"" + key + "\":" + "[".repeat(depth - 1) + "]".repeat(depth - 1) + "}";
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "{", "", "   ", "{\"type\":\"ping\"", "{'type':'ping'}", "{type:\"ping\"}",
            "[]", "[{\"type\":\"ping\"}]", "\"x\"", "42", "null", "true",
            "{\"type\":\"ping\",\"n\":NaN}", "{\"type\":\"ping\"}/*c*/", "{\"type\":\"join\",\"room\":\"r\",\"since\":01}",
            "{\"type\":\"send\",\"room\":\"r\",\"text\":\"a\u0001b\"}"})
    void decodeClient_notJsonOrNotAnObject_isBadRequestWithoutId(String input) {
        ProtocolException e = clientRejection(input);
        assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(e.requestId()).isNull();
    }

    @Test
    void decodeClient_invalidUtf8Bytes_isBadRequestWithoutId() {
        byte[] head = "{\"type\":\"send\",\"room\":\"r\",\"text\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[head.length + 4];
        System.arraycopy(head, 0, frame, 0, head.length);
        frame[head.length] = (byte) 0xC3;
        frame[head.length + 1] = (byte) 0x28;
        frame[head.length + 2] = '"';
        frame[head.length + 3] = '}';
        ProtocolException e = rejection(() -> CODEC.decodeClient(frame));
        assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
    }

    static Stream<Named<String>> badRequestsWithId() {
        return Stream.of(
                named("no type", "{\"id\":\"a\"}"),
                named("numeric type", "{\"type\":5,\"id\":\"a\"}"),
                named("null type", "{\"type\":null,\"id\":\"a\"}"),
                named("object type", "{\"type\":{},\"id\":\"a\"}"),
                named("join without room", "{\"type\":\"join\",\"id\":\"a\"}"),
                named("join with null room", "{\"type\":\"join\",\"id\":\"a\",\"room\":null}"),
                named("leave with empty room", "{\"type\":\"leave\",\"id\":\"a\",\"room\":\"\"}"),
                named("send without text", "{\"type\":\"send\",\"id\":\"a\",\"room\":\"r\"}"),
                named("send with empty text", "{\"type\":\"send\",\"id\":\"a\",\"room\":\"r\",\"text\":\"\"}"),
                named("send with blank text", "{\"type\":\"send\",\"id\":\"a\",\"room\":\"r\",\"text\":\" \\n\\t \"}"),
                named("send without room", "{\"type\":\"send\",\"id\":\"a\",\"text\":\"hi\"}"),
                named("numeric room", "{\"type\":\"join\",\"id\":\"a\",\"room\":123}"),
                named("object room", "{\"type\":\"join\",\"id\":\"a\",\"room\":{}}"),
                named("empty array room", "{\"type\":\"join\",\"id\":\"a\",\"room\":[]}"),
                named("one-element array room", "{\"type\":\"join\",\"id\":\"a\",\"room\":[\"r\"]}"),
                named("string since", "{\"type\":\"join\",\"id\":\"a\",\"room\":\"r\",\"since\":\"5\"}"),
                named("fractional since", "{\"type\":\"join\",\"id\":\"a\",\"room\":\"r\",\"since\":1.5}"),
                named("whole float since", "{\"type\":\"join\",\"id\":\"a\",\"room\":\"r\",\"since\":5.0}"),
                named("boolean since", "{\"type\":\"join\",\"id\":\"a\",\"room\":\"r\",\"since\":true}"),
                named("since beyond long", "{\"type\":\"join\",\"id\":\"a\",\"room\":\"r\",\"since\":99999999999999999999}"),
                named("negative since", "{\"type\":\"join\",\"id\":\"a\",\"room\":\"r\",\"since\":-1}"),
                named("numeric acceptGuidelines", "{\"type\":\"join\",\"id\":\"a\",\"room\":\"r\",\"acceptGuidelines\":1}"),
                named("string acceptGuidelines",
                        "{\"type\":\"join\",\"id\":\"a\",\"room\":\"r\",\"acceptGuidelines\":\"true\"}"),
                named("boolean text", "{\"type\":\"send\",\"id\":\"a\",\"room\":\"r\",\"text\":true}"),
                named("numeric text", "{\"type\":\"send\",\"id\":\"a\",\"room\":\"r\",\"text\":12}"),
                named("numeric clientId", "{\"type\":\"send\",\"id\":\"a\",\"room\":\"r\",\"text\":\"t\",\"clientId\":7}"),
                named("unknown category", "{\"type\":\"rooms\",\"id\":\"a\",\"category\":\"support\"}"),
                named("upper-case category", "{\"type\":\"rooms\",\"id\":\"a\",\"category\":\"CONDITION\"}"),
                named("empty category", "{\"type\":\"rooms\",\"id\":\"a\",\"category\":\"\"}"),
                named("numeric category", "{\"type\":\"rooms\",\"id\":\"a\",\"category\":0}"),
                named("numeric tag", "{\"type\":\"rooms\",\"id\":\"a\",\"tag\":1}"),
                named("hello with neither token nor name", "{\"type\":\"hello\",\"id\":\"a\"}"),
                named("hello with null token and name", "{\"type\":\"hello\",\"id\":\"a\",\"token\":null,\"name\":null}"),
                named("numeric token", "{\"type\":\"hello\",\"id\":\"a\",\"token\":5}"));
    }

    @ParameterizedTest
    @MethodSource("badRequestsWithId")
    void decodeClient_malformedRequestWithReadableId_isBadRequestWithId(String json) {
        ProtocolException e = clientRejection(json);
        assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(e.requestId()).isEqualTo("a");
    }

    @Test
    void decodeClient_clientIdOver64Chars_isBadRequestSayingTheLimit() throws ProtocolException {
        ProtocolException e = clientRejection("{\"type\":\"send\",\"id\":\"a\",\"room\":\"r\",\"text\":\"t\","
                + "\"clientId\":\"" + "c".repeat(65) + "\"}");
        assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(e.requestId()).isEqualTo("a");
        assertThat(e.getMessage()).isEqualTo("field 'clientId' must be at most 64 characters");
        assertThat(CODEC.decodeClient("{\"type\":\"send\",\"room\":\"r\",\"text\":\"t\",\"clientId\":\""
                + "c".repeat(64) + "\"}")).isEqualTo(new Send(null, "r", "t", "c".repeat(64)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u0000", "\\u0007", "\\r", "\\b", "\\u001b[2J", "\\u001f", "\\u0085", "\\u009b2J", "\\u007f"})
    void decodeClient_textWithControlCharacter_isBadRequestSayingWhich(String escaped) {
        ProtocolException e = clientRejection("{\"type\":\"send\",\"id\":\"a\",\"room\":\"r\",\"text\":\"hi"
                + escaped + "there\"}");
        assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(e.requestId()).isEqualTo("a");
        assertThat(e.getMessage())
                .isEqualTo("field 'text' must not contain control characters other than line feed and tab");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\ud800", "\\udfff", "\\ud83d x"})
    void decodeClient_textWithALoneSurrogate_isBadRequest(String escaped) {
        ProtocolException e = clientRejection("{\"type\":\"send\",\"id\":\"a\",\"room\":\"r\",\"text\":\"hi"
                + escaped + "\"}");
        assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(e.getMessage()).isEqualTo("field 'text' must be valid Unicode text");
    }

    @Test
    void decodeClient_bidiOverridesInTextReasonsAndWarnings_areTakenOut() throws ProtocolException {
        // RLO makes "txet" read as "text"; LRE, PDF, the isolates and the others are as strong.
        String hidden = "\\u202e\\u202a\\u202b\\u202c\\u202d\\u2066\\u2067\\u2068\\u2069";
        assertThat(CODEC.decodeClient("{\"type\":\"send\",\"room\":\"r\",\"text\":\"a" + hidden + "b\"}"))
                .isEqualTo(Send.text("r", "ab"));
        assertThat(((dev.haven.protocol.client.Warn) CODEC.decodeClient("{\"type\":\"warn\",\"room\":\"r\","
                + "\"user\":\"u\",\"text\":\"be " + hidden + "kind\"}")).text()).isEqualTo("be kind");
        assertThat(((dev.haven.protocol.client.Ban) CODEC.decodeClient("{\"type\":\"ban\",\"room\":\"r\","
                + "\"user\":\"u\",\"reason\":\"" + hidden + "spam\"}")).reason()).isEqualTo("spam");
        assertThat(((dev.haven.protocol.client.Mute) CODEC.decodeClient("{\"type\":\"mute\",\"room\":\"r\","
                + "\"user\":\"u\",\"reason\":\"" + hidden + "\"}")).reason()).as("nothing left: no reason").isNull();
        assertThat(CODEC.decodeClient("{\"type\":\"send\",\"room\":\"r\",\"text\":\"\\u200f\\u061cmarks stay\"}"))
                .as("the weak marks RLM and ALM are left alone").isEqualTo(Send.text("r", "\u200f\u061cmarks stay"));
        ProtocolException onlyOverrides = clientRejection("{\"type\":\"send\",\"id\":\"a\",\"room\":\"r\","
                + "\"text\":\"" + hidden + "\"}");
        assertThat(onlyOverrides.getMessage()).isEqualTo("field 'text' must not be empty");
    }

    @Test
    void decodeClient_reasonWithC1ControlOrLoneSurrogate_isBadRequest() {
        assertThat(clientRejection("{\"type\":\"remove\",\"id\":\"a\",\"room\":\"r\",\"user\":\"u\","
                + "\"reason\":\"x\\u009by\"}").getMessage()).contains("control characters");
        assertThat(clientRejection("{\"type\":\"report\",\"id\":\"a\",\"room\":\"r\",\"seq\":1,"
                + "\"reason\":\"x\\ud800\"}").getMessage()).contains("valid Unicode");
    }

    @Test
    void decodeClient_textWithLineFeedAndTab_isAccepted() throws ProtocolException {
        assertThat(CODEC.decodeClient("{\"type\":\"send\",\"room\":\"r\",\"text\":\"one\\n\\ttwo\"}"))
                .isEqualTo(Send.text("r", "one\n\ttwo"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"shout", "", "Ping", "ok", "message"})
    void decodeClient_unknownType_isUnknownTypeWithId(String type) {
        ProtocolException e = clientRejection("{\"type\":\"" + type + "\",\"id\":\"a\"}");
        assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_TYPE);
        assertThat(e.requestId()).isEqualTo("a");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "true", "{}", "[\"a\"]"})
    void decodeClient_idNotAString_isBadRequestWithoutId(String id) {
        ProtocolException e = clientRejection("{\"type\":\"ping\",\"id\":" + id + "}");
        assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(e.requestId()).isNull();
    }

    @Test
    void decodeClient_idLongerThan64_isBadRequestWithoutId() {
        ProtocolException e = clientRejection("{\"type\":\"ping\",\"id\":\"" + "i".repeat(65) + "\"}");
        assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(e.requestId()).isNull();
    }

    @Test
    void decodeClient_idOf64Chars_isAccepted() throws Exception {
        String id = "i".repeat(ProtocolCodec.MAX_ID_LENGTH);
        assertThat(CODEC.decodeClient("{\"type\":\"ping\",\"id\":\"" + id + "\"}")).isEqualTo(new Ping(id));
    }

    static Stream<Named<String>> unreadableFrames() {
        return Stream.of(
                named("duplicate type", "{\"type\":\"ping\",\"type\":\"ping\"}"),
                named("duplicate id", "{\"type\":\"ping\",\"id\":\"a\",\"id\":\"b\"}"),
                named("duplicate nested key", "{\"type\":\"ping\",\"x\":{\"k\":1,\"k\":2}}"),
                named("trailing object", "{\"type\":\"ping\"} {}"),
                named("trailing garbage", "{\"type\":\"ping\"}x"),
                named("nesting 33 deep", nested(33, "x")),
                named("string over 64 KiB",
                        "{\"type\":\"send\",\"room\":\"r\",\"text\":\"" + "x".repeat(MAX_STRING + 1) + "\"}"),
                named("101-digit number", "{\"type\":\"ping\",\"n\":" + "1".repeat(101) + "}"),
                named("101-digit since", "{\"type\":\"join\",\"room\":\"r\",\"since\":" + "1".repeat(101) + "}"));
    }

    @ParameterizedTest
    @MethodSource("unreadableFrames")
    void decodeClient_frameBreakingReadLimits_isBadRequest(String json) {
        ProtocolException e = clientRejection(json);
        assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(e.requestId()).isNull();
    }

    @ParameterizedTest
    @MethodSource("unreadableFrames")
    void decodeClient_partOfAnArrayBreakingReadLimits_isBadRequest(String json) {
        byte[] utf8 = ("[" + json + "]").getBytes(StandardCharsets.UTF_8);
        ProtocolException e = rejection(() -> CODEC.decodeClient(utf8, 1, utf8.length - 2));
        assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
    }

    static Stream<Arguments> acceptedFrames() {
        return Stream.of(
                Arguments.of("{\"type\":\"ping\",\"id\":\"a\",\"extra\":1,\"more\":{\"x\":[1,\"y\",null]}}", new Ping("a")),
                Arguments.of("{\"type\":\"ping\",\"id\":null}", new Ping(null)),
                Arguments.of("{\"type\":\"send\",\"room\":\"r\",\"text\":\"t\",\"clientId\":null}", Send.text("r", "t")),
                Arguments.of("{\"type\":\"join\",\"room\":\"r\",\"since\":null,\"acceptGuidelines\":null}",
                        new Join(null, "r", null, null)),
                Arguments.of("{\"type\":\"rooms\",\"category\":null,\"tag\":null,\"q\":null}", ListRooms.all()),
                Arguments.of("{\"type\":\"hello\",\"token\":null,\"name\":\"Sky\"}", Hello.guest("Sky")),
                Arguments.of(nested(32, "x"), new Ping(null)),
                Arguments.of("{\"type\":\"ping\",\"n\":" + "1".repeat(100) + "}", new Ping(null)),
                Arguments.of("{\"type\":\"send\",\"room\":\"r\",\"text\":\"" + "x".repeat(MAX_STRING) + "\"}",
                        Send.text("r", "x".repeat(MAX_STRING))));
    }

    @ParameterizedTest
    @MethodSource("acceptedFrames")
    void decodeClient_unknownFieldsExplicitNullsOrValuesAtLimits_areAccepted(String json, ClientMessage expected)
            throws Exception {
        assertThat(CODEC.decodeClient(json)).isEqualTo(expected);
    }

    @Test
    void decodeServer_okForNoPendingRequest_isBadRequest() {
        ProtocolException e = rejection(() -> CODEC.decodeServer("{\"type\":\"ok\",\"id\":\"1\",\"seq\":1}", id -> null));
        assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
    }

    @Test
    void decodeServer_unknownType_isUnknownType() {
        ProtocolException e = rejection(() -> CODEC.decodeServer("{\"type\":\"shout\"}", id -> null));
        assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_TYPE);
    }

    /** The frame's own type is known; only an entry inside its history is malformed. */
    @Test
    void decodeServer_okWithHistoryEntryWithoutType_isBadRequestNotUnknownType() {
        String json = "{\"type\":\"ok\",\"id\":\"1\",\"room\":{\"id\":\"anx\",\"name\":\"A\",\"members\":1,"
                + "\"capacity\":2,\"locked\":false},\"members\":[],\"history\":[{\"room\":\"anx\",\"seq\":1,"
                + "\"from\":{\"id\":\"u\",\"name\":\"n\",\"role\":\"member\"},\"text\":\"t\",\"ts\":1}],\"seq\":1,\"gap\":false}";
        ProtocolException e = rejection(() -> CODEC.decodeServer(json, id -> JoinResult.class));
        assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
    }

    @Test
    void decodeServer_mistypedResultField_isBadRequest() {
        ProtocolException e = rejection(() -> CODEC.decodeServer("{\"type\":\"ok\",\"id\":\"1\",\"seq\":\"1\"}",
                id -> SendResult.class));
        assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
    }
}
