package dev.haven.protocol;

import static dev.haven.protocol.Samples.LIFELINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.haven.protocol.client.AckAlert;
import dev.haven.protocol.client.ClientMessage;
import dev.haven.protocol.client.ListResources;
import dev.haven.protocol.client.RequestFacilitator;
import dev.haven.protocol.client.ShareResource;
import dev.haven.protocol.model.AlertAction;
import dev.haven.protocol.model.AlertKind;
import dev.haven.protocol.model.CrisisTier;
import dev.haven.protocol.model.Role;
import dev.haven.protocol.model.UserInfo;
import dev.haven.protocol.server.Alert;
import dev.haven.protocol.server.HeldMessage;
import dev.haven.protocol.server.Notice;
import dev.haven.protocol.server.Ok;
import dev.haven.protocol.server.ResourceEvent;
import dev.haven.protocol.server.ResourcesResult;
import dev.haven.protocol.server.SendResult;
import dev.haven.protocol.server.ServerMessage;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The duty-of-care frames: their exact JSON, what decoding refuses, and what stays out of logs. */
class CareFramesTest {
    private static final String SECRET = "q7ZsecretX9";
    private static final String LIFELINE_JSON = "{\"id\":\"us-988\",\"name\":\"988 Suicide & Crisis Lifeline\","
            + "\"region\":\"US\",\"audience\":\"general\",\"channels\":[{\"type\":\"call\",\"value\":\"988\"},"
            + "{\"type\":\"text\",\"value\":\"988\"},{\"type\":\"chat\",\"value\":\"https://988lifeline.org/chat\"}],"
            + "\"hours\":\"24/7\",\"alwaysOpen\":true,\"source\":\"https://988lifeline.org/\","
            + "\"verifiedOn\":\"2026-11-26\"}";
    private final ProtocolCodec codec = new ProtocolCodec();

    static Stream<Arguments> serverGoldens() {
        return Stream.of(
                Arguments.of(new Alert("anx", AlertKind.CRISIS, "u2", "Sky", 7L, null, null, 1_700_000_002_000L,
                        "alert-7", CrisisTier.HIGH, false, null, null, null, null, null, null),
                        "{\"type\":\"alert\",\"room\":\"anx\",\"kind\":\"crisis\",\"member\":\"u2\",\"name\":\"Sky\","
                                + "\"seq\":7,\"ts\":1700000002000,\"alertId\":\"alert-7\",\"tier\":\"high\","
                                + "\"urgent\":false}"),
                Arguments.of(new Alert("anx", AlertKind.CRISIS_UPDATE, "u2", "Sky", null, "u1", null,
                        1_700_000_002_100L, "alert-7", null, null, null, AlertAction.FALSE_ALARM, null, null, null, null),
                        "{\"type\":\"alert\",\"room\":\"anx\",\"kind\":\"crisis_update\",\"member\":\"u2\","
                                + "\"name\":\"Sky\",\"by\":\"u1\",\"ts\":1700000002100,\"alertId\":\"alert-7\","
                                + "\"action\":\"false_alarm\"}"),
                Arguments.of(new Alert("anx", AlertKind.REQUEST_FACILITATOR, "u2", "Sky", null, null, null,
                        1_700_000_002_200L, "alert-9", null, true, true, null, "please", null, null, null),
                        "{\"type\":\"alert\",\"room\":\"anx\",\"kind\":\"request_facilitator\",\"member\":\"u2\","
                                + "\"name\":\"Sky\",\"ts\":1700000002200,\"alertId\":\"alert-9\",\"urgent\":true,"
                                + "\"escalated\":true,\"note\":\"please\"}"),
                Arguments.of(Notice.support("anx", "alert-7", "We are here.", List.of(LIFELINE)),
                        "{\"type\":\"notice\",\"room\":\"anx\",\"kind\":\"support\",\"alertId\":\"alert-7\","
                                + "\"text\":\"We are here.\",\"resources\":[" + LIFELINE_JSON + "]}"),
                Arguments.of(new ResourceEvent("anx", LIFELINE),
                        "{\"type\":\"resource\",\"room\":\"anx\",\"card\":" + LIFELINE_JSON + "}"),
                Arguments.of(new HeldMessage("anx", "alert-8", new UserInfo("u2", "Sky", Role.MEMBER), "words",
                        1_700_000_002_000L, "c-2"),
                        "{\"type\":\"held_message\",\"room\":\"anx\",\"alertId\":\"alert-8\",\"from\":{\"id\":\"u2\","
                                + "\"name\":\"Sky\",\"role\":\"member\"},\"text\":\"words\",\"ts\":1700000002000,"
                                + "\"clientId\":\"c-2\"}"),
                Arguments.of(new Ok("r", new ResourcesResult(List.of(LIFELINE))),
                        "{\"type\":\"ok\",\"id\":\"r\",\"cards\":[" + LIFELINE_JSON + "]}"),
                Arguments.of(new Ok("h", SendResult.heldForFacilitators()), "{\"type\":\"ok\",\"id\":\"h\",\"held\":true}"),
                Arguments.of(new Ok("s", new SendResult(42)), "{\"type\":\"ok\",\"id\":\"s\",\"seq\":42}"));
    }

    @ParameterizedTest
    @MethodSource("serverGoldens")
    void encodeToString_careServerFrame_givesGoldenJson(ServerMessage frame, String json) throws Exception {
        assertThat(codec.encodeToString(frame)).isEqualTo(json);
        assertThat(codec.decodeServer(json, id -> "r".equals(id) ? ResourcesResult.class : SendResult.class))
                .isEqualTo(frame);
    }

    static Stream<Arguments> clientGoldens() {
        return Stream.of(
                Arguments.of(new RequestFacilitator("1", "anx", "when you have a moment"),
                        "{\"type\":\"request_facilitator\",\"id\":\"1\",\"room\":\"anx\",\"note\":\"when you have a moment\"}"),
                Arguments.of(new RequestFacilitator("2", "anx", null),
                        "{\"type\":\"request_facilitator\",\"id\":\"2\",\"room\":\"anx\"}"),
                Arguments.of(new AckAlert("3", "anx", "alert-7", AlertAction.REACHING_OUT),
                        "{\"type\":\"ack_alert\",\"id\":\"3\",\"room\":\"anx\",\"alertId\":\"alert-7\","
                                + "\"action\":\"reaching_out\"}"),
                Arguments.of(new ListResources("4", "anx", null), "{\"type\":\"resources\",\"id\":\"4\",\"room\":\"anx\"}"),
                Arguments.of(new ListResources("5", "anx", "GB"),
                        "{\"type\":\"resources\",\"id\":\"5\",\"room\":\"anx\",\"region\":\"GB\"}"),
                Arguments.of(new ShareResource("6", "anx", "us-988", "u2"),
                        "{\"type\":\"share_resource\",\"id\":\"6\",\"room\":\"anx\",\"card\":\"us-988\",\"user\":\"u2\"}"));
    }

    @ParameterizedTest
    @MethodSource("clientGoldens")
    void encodeAndDecode_careClientFrame_matchGoldenJson(ClientMessage frame, String json) throws Exception {
        assertThat(codec.encodeToString(frame)).isEqualTo(json);
        assertThat(codec.decodeClient(json)).isEqualTo(frame);
    }

    private void assertBadRequest(String json, String field) {
        Throwable thrown = catchThrowable(() -> codec.decodeClient(json));
        assertThat(thrown).as(json).isInstanceOf(ProtocolException.class);
        ProtocolException e = (ProtocolException) thrown;
        assertThat(e.code()).as(json).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(e.requestId()).as(json).isEqualTo("a");
        assertThat(e.getMessage()).as(json).contains(field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ",\"action\":null", ",\"action\":\"done\"", ",\"action\":1", ",\"action\":\"\""})
    void decodeClient_ackAlertWithoutKnownAction_isBadRequest(String action) {
        assertBadRequest("{\"type\":\"ack_alert\",\"id\":\"a\",\"room\":\"anx\",\"alertId\":\"alert-1\"" + action + "}",
                "action");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ",\"alertId\":null", ",\"alertId\":\"\"", ",\"alertId\":7"})
    void decodeClient_ackAlertWithoutAlertId_isBadRequest(String alertId) {
        assertBadRequest("{\"type\":\"ack_alert\",\"id\":\"a\",\"room\":\"anx\",\"action\":\"handled\"" + alertId + "}",
                "alertId");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ",\"card\":null", ",\"card\":\" \"", ",\"card\":[\"us-988\"]"})
    void decodeClient_shareResourceWithoutCard_isBadRequest(String card) {
        assertBadRequest("{\"type\":\"share_resource\",\"id\":\"a\",\"room\":\"anx\"" + card + "}", "card");
    }

    @Test
    void decodeClient_requestFacilitatorNoteOver500Chars_isBadRequest() {
        assertBadRequest("{\"type\":\"request_facilitator\",\"id\":\"a\",\"room\":\"anx\",\"note\":\""
                + "x".repeat(501) + "\"}", "note");
    }

    @Test
    void decodeClient_requestFacilitatorBlankNote_isNoNote() throws Exception {
        assertThat(codec.decodeClient("{\"type\":\"request_facilitator\",\"room\":\"anx\",\"note\":\"  \"}"))
                .isEqualTo(new RequestFacilitator(null, "anx", null));
    }

    @Test
    void toString_ofCareFrames_hidesWordsOfMembersAndServer() throws Exception {
        assertThat(new RequestFacilitator("1", "anx", "I feel " + SECRET).toString()).doesNotContain(SECRET);
        assertThat(codec.decodeClient("{\"type\":\"request_facilitator\",\"room\":\"anx\",\"note\":\"" + SECRET + "\"}")
                .toString()).doesNotContain(SECRET);
        assertThat(new HeldMessage("anx", "alert-1", new UserInfo("u2", "Sky", Role.MEMBER), SECRET, 1L, null)
                .toString()).doesNotContain(SECRET).contains("alert-1");
        assertThat(Notice.support("anx", "alert-1", SECRET, List.of(LIFELINE)).toString()).doesNotContain(SECRET);
        assertThat(new Alert("anx", AlertKind.REQUEST_FACILITATOR, "u2", "Sky", null, null, null, 1L, "alert-1", null,
                false, null, null, SECRET, null, null, null).toString()).doesNotContain(SECRET).contains("alert-1");
    }

    @Test
    void role_isStaff_forFacilitatorsAndSupervisorsOnly() {
        assertThat(Role.MEMBER.isStaff()).isFalse();
        assertThat(Role.FACILITATOR.isStaff()).isTrue();
        assertThat(Role.SUPERVISOR.isStaff()).isTrue();
        assertThat(Role.fromWire("supervisor")).isEqualTo(Role.SUPERVISOR);
    }

    @Test
    void alertAction_closes_allButReachingOut() {
        assertThat(AlertAction.REACHING_OUT.closes()).isFalse();
        assertThat(AlertAction.HANDLED.closes()).isTrue();
        assertThat(AlertAction.FALSE_ALARM.closes()).isTrue();
    }
}
