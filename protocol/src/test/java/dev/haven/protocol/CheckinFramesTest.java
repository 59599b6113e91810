package dev.haven.protocol;

import static dev.haven.protocol.Samples.CHECKIN;
import static dev.haven.protocol.Samples.CHECKIN_CLOSED;
import static dev.haven.protocol.Samples.CHECKIN_MESSAGE;
import static dev.haven.protocol.Samples.CHECKIN_WITNESS;
import static dev.haven.protocol.Samples.NAMED_ENTRY;
import static dev.haven.protocol.Samples.RIVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Named.named;

import dev.haven.protocol.client.CheckinClose;
import dev.haven.protocol.client.CheckinHistory;
import dev.haven.protocol.client.CheckinOpen;
import dev.haven.protocol.client.CheckinSend;
import dev.haven.protocol.client.ClientMessage;
import dev.haven.protocol.client.ListCheckins;
import dev.haven.protocol.model.CheckinOutcome;
import dev.haven.protocol.server.AuditResult;
import dev.haven.protocol.server.CheckinEvent;
import dev.haven.protocol.server.CheckinHistoryResult;
import dev.haven.protocol.server.CheckinMessage;
import dev.haven.protocol.server.CheckinResult;
import dev.haven.protocol.server.CheckinSendResult;
import dev.haven.protocol.server.CheckinsResult;
import dev.haven.protocol.server.Notice;
import dev.haven.protocol.server.Ok;
import dev.haven.protocol.server.Result;
import dev.haven.protocol.server.ServerMessage;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The frames of check-ins, the reaching_out notice and named audit entries: golden JSON both ways, and refusals. */
class CheckinFramesTest {
    private static final ProtocolCodec CODEC = new ProtocolCodec();
    private static final String ID = "ck:anx:3f9c0a1b2c3d4e5f";
    private static final String CHECKIN_JSON = "{\"id\":\"" + ID + "\",\"room\":\"anx\","
            + "\"member\":{\"id\":\"u2\",\"name\":\"Sky\",\"role\":\"member\"},"
            + "\"openedBy\":{\"id\":\"u1\",\"name\":\"River\",\"role\":\"facilitator\"},\"state\":\"open\",\"seq\":2,"
            + "\"openedAt\":1700000003000,\"staff\":[{\"id\":\"u1\",\"name\":\"River\",\"role\":\"facilitator\"}],"
            + "\"alertId\":\"alert-7\"}";
    private static final String MESSAGE_JSON = "{\"type\":\"checkin_message\",\"checkin\":\"" + ID + "\",\"room\":\"anx\","
            + "\"seq\":1,\"from\":{\"id\":\"u1\",\"name\":\"River\",\"role\":\"facilitator\"},"
            + "\"text\":\"How are you doing? ✓\",\"ts\":1700000003100,\"clientId\":\"c-9\"}";

    /** Each golden with the result type its reply decodes to. */
    static Stream<Arguments> serverGoldens() {
        return Stream.of(
                Arguments.of(named("checkin open", new CheckinEvent(CHECKIN)), null,
                        "{\"type\":\"checkin\",\"checkin\":" + CHECKIN_JSON + "}"),
                Arguments.of(named("checkin awaiting a witness", new CheckinEvent(CHECKIN_WITNESS)), null,
                        "{\"type\":\"checkin\",\"checkin\":{\"id\":\"" + ID + "\",\"room\":\"anx\","
                                + "\"member\":{\"id\":\"u2\",\"name\":\"Sky\",\"role\":\"member\"},"
                                + "\"openedBy\":{\"id\":\"u1\",\"name\":\"River\",\"role\":\"facilitator\"},"
                                + "\"state\":\"open\",\"seq\":0,\"openedAt\":1700000003000,"
                                + "\"staff\":[{\"id\":\"u1\",\"name\":\"River\",\"role\":\"facilitator\"}],"
                                + "\"checkinWitness\":true,\"awaitingWitness\":true}}"),
                Arguments.of(named("checkin closed", new CheckinEvent(CHECKIN_CLOSED)), null,
                        "{\"type\":\"checkin\",\"checkin\":{\"id\":\"" + ID + "\",\"room\":\"anx\","
                                + "\"member\":{\"id\":\"u2\",\"name\":\"Sky\",\"role\":\"member\"},"
                                + "\"openedBy\":{\"id\":\"u1\",\"name\":\"River\",\"role\":\"facilitator\"},"
                                + "\"state\":\"closed\",\"seq\":2,\"openedAt\":1700000003000,"
                                + "\"staff\":[{\"id\":\"u1\",\"name\":\"River\",\"role\":\"facilitator\"}],"
                                + "\"closedBy\":{\"id\":\"u1\",\"name\":\"River\",\"role\":\"facilitator\"}}}"),
                Arguments.of(named("checkin_message", CHECKIN_MESSAGE), null, MESSAGE_JSON),
                Arguments.of(named("notice reaching_out", Notice.reachingOut("anx", RIVER, "River would like to talk.")),
                        null, "{\"type\":\"notice\",\"room\":\"anx\",\"kind\":\"reaching_out\","
                                + "\"text\":\"River would like to talk.\","
                                + "\"by\":{\"id\":\"u1\",\"name\":\"River\",\"role\":\"facilitator\"}}"),
                Arguments.of(named("checkin_open ok", new Ok("1", new CheckinResult(CHECKIN))), CheckinResult.class,
                        "{\"type\":\"ok\",\"id\":\"1\",\"checkin\":" + CHECKIN_JSON + "}"),
                Arguments.of(named("checkin_send ok", new Ok("2", CheckinSendResult.accepted(3))),
                        CheckinSendResult.class, "{\"type\":\"ok\",\"id\":\"2\",\"seq\":3}"),
                Arguments.of(named("checkin_send duplicate", new Ok("3", CheckinSendResult.duplicateOf(1))),
                        CheckinSendResult.class, "{\"type\":\"ok\",\"id\":\"3\",\"seq\":1,\"duplicate\":true}"),
                Arguments.of(named("checkin_history ok", new Ok("4", new CheckinHistoryResult(CHECKIN,
                        List.of(CHECKIN_MESSAGE), true))), CheckinHistoryResult.class,
                        "{\"type\":\"ok\",\"id\":\"4\",\"checkin\":" + CHECKIN_JSON + ",\"messages\":[" + MESSAGE_JSON
                                + "],\"gap\":true}"),
                Arguments.of(named("checkins ok", new Ok("5", new CheckinsResult(List.of(CHECKIN)))),
                        CheckinsResult.class, "{\"type\":\"ok\",\"id\":\"5\",\"checkins\":[" + CHECKIN_JSON + "]}"),
                Arguments.of(named("audit with names", new Ok("6", new AuditResult(List.of(NAMED_ENTRY)))),
                        AuditResult.class, "{\"type\":\"ok\",\"id\":\"6\",\"entries\":[{\"ts\":1700000001000,"
                                + "\"actor\":\"u1\",\"action\":\"checkin_close\",\"target\":\"u2\",\"reason\":\"resolved\","
                                + "\"actorName\":\"River\",\"targetName\":\"Sky\"}]}"));
    }

    @ParameterizedTest
    @MethodSource("serverGoldens")
    void encodeToString_checkinFrame_givesGoldenJson(ServerMessage frame, Class<? extends Result> result, String json) {
        assertThat(CODEC.encodeToString(frame)).isEqualTo(json);
    }

    @ParameterizedTest
    @MethodSource("serverGoldens")
    void decodeServer_goldenJson_givesExpectedRecord(ServerMessage frame, Class<? extends Result> result, String json)
            throws Exception {
        assertThat(CODEC.decodeServer(json, id -> result)).isEqualTo(frame);
    }

    static Stream<Arguments> clientGoldens() {
        return Stream.of(
                Arguments.of(new CheckinOpen("1", "anx", "u2", "alert-7"),
                        "{\"type\":\"checkin_open\",\"id\":\"1\",\"room\":\"anx\",\"user\":\"u2\",\"alertId\":\"alert-7\"}"),
                Arguments.of(new CheckinSend("2", ID, "hello", "c-1"),
                        "{\"type\":\"checkin_send\",\"id\":\"2\",\"checkin\":\"" + ID + "\",\"text\":\"hello\","
                                + "\"clientId\":\"c-1\"}"),
                Arguments.of(new CheckinHistory("3", ID, 4L),
                        "{\"type\":\"checkin_history\",\"id\":\"3\",\"checkin\":\"" + ID + "\",\"since\":4}"),
                Arguments.of(new ListCheckins("4", null), "{\"type\":\"checkins\",\"id\":\"4\"}"),
                Arguments.of(new CheckinClose("5", ID, CheckinOutcome.NO_REPLY),
                        "{\"type\":\"checkin_close\",\"id\":\"5\",\"checkin\":\"" + ID + "\",\"outcome\":\"no_reply\"}"));
    }

    @ParameterizedTest
    @MethodSource("clientGoldens")
    void encodeToString_clientFrame_givesGoldenJson(ClientMessage frame, String json) {
        assertThat(CODEC.encodeToString(frame)).isEqualTo(json);
    }

    @ParameterizedTest
    @MethodSource("clientGoldens")
    void decodeClient_goldenJson_givesExpectedRecord(ClientMessage frame, String json) throws Exception {
        assertThat(CODEC.decodeClient(json)).isEqualTo(frame);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("{\"type\":\"checkin_open\",\"id\":\"a\",\"user\":\"u2\"}", "room"),
                Arguments.of("{\"type\":\"checkin_open\",\"id\":\"a\",\"room\":\"anx\"}", "user"),
                Arguments.of("{\"type\":\"checkin_open\",\"id\":\"a\",\"room\":\"anx\",\"user\":7}", "user"),
                Arguments.of("{\"type\":\"checkin_open\",\"id\":\"a\",\"room\":\"anx\",\"user\":\"u2\",\"alertId\":\" \"}",
                        "alertId"),
                Arguments.of("{\"type\":\"checkin_send\",\"id\":\"a\",\"text\":\"hi\"}", "checkin"),
                Arguments.of("{\"type\":\"checkin_send\",\"id\":\"a\",\"checkin\":\"c\"}", "text"),
                Arguments.of("{\"type\":\"checkin_send\",\"id\":\"a\",\"checkin\":\"c\",\"text\":\"  \"}", "text"),
                Arguments.of("{\"type\":\"checkin_send\",\"id\":\"a\",\"checkin\":\"c\",\"text\":\"a\\u0007b\"}", "text"),
                Arguments.of("{\"type\":\"checkin_send\",\"id\":\"a\",\"checkin\":\"c\",\"text\":\"hi\",\"clientId\":\""
                        + "x".repeat(65) + "\"}", "clientId"),
                Arguments.of("{\"type\":\"checkin_send\",\"id\":\"a\",\"checkin\":\"" + "c".repeat(161)
                        + "\",\"text\":\"hi\"}", "checkin"),
                Arguments.of("{\"type\":\"checkin_send\",\"id\":\"a\",\"checkin\":[\"c\"],\"text\":\"hi\"}", "checkin"),
                Arguments.of("{\"type\":\"checkin_history\",\"id\":\"a\",\"checkin\":\"c\",\"since\":-1}", "since"),
                Arguments.of("{\"type\":\"checkin_history\",\"id\":\"a\",\"checkin\":\"c\",\"since\":\"3\"}", "since"),
                Arguments.of("{\"type\":\"checkin_close\",\"id\":\"a\",\"checkin\":\"c\",\"outcome\":\"fine\"}", "outcome"),
                Arguments.of("{\"type\":\"checkin_close\",\"id\":\"a\"}", "checkin"),
                Arguments.of("{\"type\":\"checkins\",\"id\":\"a\",\"room\":5}", "room"));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void decodeClient_badField_isBadRequestNamingTheField(String json, String field) {
        ProtocolException e = catchThrowableOfType(() -> CODEC.decodeClient(json), ProtocolException.class);
        assertThat(e).as(json).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(e.requestId()).isEqualTo("a");
        assertThat(e.getMessage()).contains("'" + field + "'").doesNotContain("fine", "xxxx");
    }

    @Test
    void toString_keepsCheckinTextOut() {
        assertThat(new CheckinSend("1", ID, "my secret words", null)).asString().doesNotContain("secret");
        assertThat(new CheckinMessage(ID, "anx", 1, RIVER, "my secret words", 1L, null)).asString()
                .doesNotContain("secret");
        assertThat(new CheckinHistoryResult(CHECKIN, List.of(new CheckinMessage(ID, "anx", 1, RIVER,
                "my secret words", 1L, null)), false)).asString().doesNotContain("secret");
        assertThat(new Ok("1", new CheckinHistoryResult(CHECKIN, List.of(new CheckinMessage(ID, "anx", 1, RIVER,
                "my secret words", 1L, null)), false))).asString().doesNotContain("secret");
        assertThat(Notice.reachingOut("anx", RIVER, "a secret line")).asString().doesNotContain("secret");
    }
}
