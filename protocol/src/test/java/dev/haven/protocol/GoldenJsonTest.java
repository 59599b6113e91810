package dev.haven.protocol;

import static dev.haven.protocol.Samples.ANXIETY;
import static dev.haven.protocol.Samples.MESSAGE_WITH_CLIENT_ID;
import static dev.haven.protocol.Samples.RIVER;
import static dev.haven.protocol.Samples.SKY_MUTED;
import static dev.haven.protocol.Samples.SKY_PLAIN;
import static dev.haven.protocol.Samples.VETERANS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.protocol.client.ClientMessage;
import dev.haven.protocol.client.Hello;
import dev.haven.protocol.client.Join;
import dev.haven.protocol.client.Leave;
import dev.haven.protocol.client.ListRooms;
import dev.haven.protocol.client.Ping;
import dev.haven.protocol.client.Send;
import dev.haven.protocol.model.Admission;
import dev.haven.protocol.model.PresenceKind;
import dev.haven.protocol.model.Role;
import dev.haven.protocol.model.RoomCategory;
import dev.haven.protocol.server.ErrorReply;
import dev.haven.protocol.server.HelloResult;
import dev.haven.protocol.server.JoinResult;
import dev.haven.protocol.server.MessageEvent;
import dev.haven.protocol.server.Ok;
import dev.haven.protocol.server.PresenceEvent;
import dev.haven.protocol.server.RoomsResult;
import dev.haven.protocol.server.SendResult;
import dev.haven.protocol.server.ServerMessage;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GoldenJsonTest {
    private static final String ANXIETY_JSON = "{\"id\":\"anx\",\"name\":\"Anxiety\",\"category\":\"condition\","
            + "\"topic\":\"Evening group\",\"tags\":[\"anxiety\",\"evening\"],\"members\":3,\"capacity\":20,"
            + "\"locked\":false,\"admission\":\"open\",\"guidelines\":\"Be kind.\"}";
    private static final String VETERANS_JSON = "{\"id\":\"vet\",\"name\":\"Veterans\",\"category\":\"demographic\","
            + "\"topic\":\"Drop in\",\"tags\":[],\"members\":0,\"capacity\":12,\"locked\":true,\"admission\":\"approval\"}";
    private static final String RIVER_JSON = "{\"id\":\"u1\",\"name\":\"River\",\"role\":\"facilitator\"}";
    private static final String SKY_PLAIN_JSON =
            "{\"id\":\"u2\",\"name\":\"Sky\",\"role\":\"member\",\"voice\":false,\"handRaised\":null}";
    private static final String SKY_MUTED_JSON =
            "{\"id\":\"u2\",\"name\":\"Sky\",\"role\":\"member\",\"voice\":true,\"handRaised\":1700000000123,\"muted\":true}";

    private final ProtocolCodec codec = new ProtocolCodec();

    @Test
    void encodeToString_emptyOk_writesTypeAndIdOnly() {
        assertThat(codec.encodeToString(Ok.empty("7"))).isEqualTo("{\"type\":\"ok\",\"id\":\"7\"}");
    }

    @Test
    void encodeToString_okWithoutId_omitsId() {
        assertThat(codec.encodeToString(new Ok(null, new SendResult(1)))).isEqualTo("{\"type\":\"ok\",\"seq\":1}");
    }

    @Test
    void encodeToString_sendResultOk_writesSeqFlat() {
        assertThat(codec.encodeToString(new Ok("1", new SendResult(42))))
                .isEqualTo("{\"type\":\"ok\",\"id\":\"1\",\"seq\":42}");
    }

    @Test
    void encodeToString_helloResultOk_writesUserAndHeartbeat() {
        assertThat(codec.encodeToString(new Ok("h", new HelloResult(RIVER, 30))))
                .isEqualTo("{\"type\":\"ok\",\"id\":\"h\",\"user\":" + RIVER_JSON + ",\"heartbeatSeconds\":30}");
    }

    @Test
    void encodeToString_roomsResultOk_writesRoomsAndOmitsNullGuidelines() {
        assertThat(codec.encodeToString(new Ok("r", new RoomsResult(List.of(ANXIETY, VETERANS)))))
                .isEqualTo("{\"type\":\"ok\",\"id\":\"r\",\"rooms\":[" + ANXIETY_JSON + "," + VETERANS_JSON + "]}");
    }

    @Test
    void encodeToString_joinResultOk_writesRoomMembersHistorySeqGap() {
        JoinResult join = new JoinResult(ANXIETY, List.of(SKY_PLAIN), List.of(MESSAGE_WITH_CLIENT_ID), 6, false);
        assertThat(codec.encodeToString(new Ok("j", join)))
                .isEqualTo("{\"type\":\"ok\",\"id\":\"j\",\"room\":" + ANXIETY_JSON + ",\"members\":[" + SKY_PLAIN_JSON
                        + "],\"history\":[{\"type\":\"message\",\"room\":\"anx\",\"seq\":6,\"from\":"
                        + "{\"id\":\"u2\",\"name\":\"Sky\",\"role\":\"member\"},\"text\":\"hi\",\"ts\":1700000000500,"
                        + "\"clientId\":\"c-1\"}],\"seq\":6,\"gap\":false}");
    }

    @Test
    void encodeToString_errorWithoutRetryAfter_omitsRetryAfterMs() {
        assertThat(codec.encodeToString(ErrorReply.of("3", ErrorCode.BAD_REQUEST, "field 'room' is required")))
                .isEqualTo("{\"type\":\"error\",\"id\":\"3\",\"code\":\"bad_request\","
                        + "\"message\":\"field 'room' is required\"}");
    }

    @Test
    void encodeToString_errorWithRetryAfter_writesRetryAfterMsLast() {
        assertThat(codec.encodeToString(new ErrorReply("4", ErrorCode.RATE_LIMITED, "too fast", 1500L)))
                .isEqualTo("{\"type\":\"error\",\"id\":\"4\",\"code\":\"rate_limited\","
                        + "\"message\":\"too fast\",\"retryAfterMs\":1500}");
    }

    @Test
    void encodeToString_messageWithNullClientId_omitsClientId() {
        MessageEvent event = new MessageEvent("anx", 5, RIVER, "hi", 1_700_000_000_000L, null);
        assertThat(codec.encodeToString(event)).isEqualTo("{\"type\":\"message\",\"room\":\"anx\",\"seq\":5,\"from\":"
                + RIVER_JSON + ",\"text\":\"hi\",\"ts\":1700000000000}");
    }

    @Test
    void encodeToString_memberWithNullHandAndMuted_writesHandRaisedNullAndOmitsMuted() {
        assertThat(codec.encodeToString(new PresenceEvent("anx", PresenceKind.JOIN, SKY_PLAIN)))
                .isEqualTo("{\"type\":\"presence\",\"room\":\"anx\",\"event\":\"join\",\"member\":" + SKY_PLAIN_JSON + "}");
    }

    @Test
    void encodeToString_memberWithHandAndMuted_writesBoth() {
        assertThat(codec.encodeToString(new PresenceEvent("anx", PresenceKind.UPDATE, SKY_MUTED)))
                .isEqualTo("{\"type\":\"presence\",\"room\":\"anx\",\"event\":\"update\",\"member\":" + SKY_MUTED_JSON + "}");
    }

    static Stream<Arguments> enumWireNames() {
        return Stream.of(
                Arguments.of(ErrorCode.GUIDELINES_REQUIRED, "\"guidelines_required\""),
                Arguments.of(ErrorCode.SESSION_NOT_OPEN, "\"session_not_open\""),
                Arguments.of(ErrorCode.NOT_YOUR_TURN, "\"not_your_turn\""),
                Arguments.of(Role.FACILITATOR, "\"facilitator\""),
                Arguments.of(RoomCategory.DEMOGRAPHIC, "\"demographic\""),
                Arguments.of(PresenceKind.LEAVE, "\"leave\""),
                Arguments.of(Admission.APPROVAL, "\"approval\""));
    }

    @ParameterizedTest
    @MethodSource("enumWireNames")
    void newMapper_writesEnumsByWireName(Enum<?> value, String json) throws Exception {
        assertThat(ProtocolCodec.newMapper().writeValueAsString(value)).isEqualTo(json);
    }

    @Test
    void errorCode_wireNames_areTheContractCodes() {
        assertThat(Stream.of(ErrorCode.values()).map(ErrorCode::wireName)).containsExactlyInAnyOrder(
                "bad_request", "unknown_type", "unauthenticated", "forbidden", "not_found", "not_in_room",
                "muted", "banned", "room_locked", "room_full", "no_voice", "slow_mode", "rate_limited",
                "too_large", "guidelines_required", "session_not_open", "not_your_turn", "internal");
    }

    @Test
    void closeCode_codes_areTheContractCodes() {
        assertThat(Stream.of(CloseCode.values()).mapToInt(CloseCode::code))
                .containsExactly(1000, 1001, 1002, 1003, 1007, 1008, 1009, 4001);
    }

    static Stream<Arguments> clientGoldens() {
        return Stream.of(
                Arguments.of(new Hello("1", "tok", null), "{\"type\":\"hello\",\"id\":\"1\",\"token\":\"tok\"}"),
                Arguments.of(Hello.guest("Sky"), "{\"type\":\"hello\",\"name\":\"Sky\"}"),
                Arguments.of(new Ping("2"), "{\"type\":\"ping\",\"id\":\"2\"}"),
                Arguments.of(new ListRooms("3", RoomCategory.CONDITION, "anxiety", "calm"),
                        "{\"type\":\"rooms\",\"id\":\"3\",\"category\":\"condition\",\"tag\":\"anxiety\",\"q\":\"calm\"}"),
                Arguments.of(new Join("4", "anx", 10L, true),
                        "{\"type\":\"join\",\"id\":\"4\",\"room\":\"anx\",\"since\":10,\"acceptGuidelines\":true}"),
                Arguments.of(new Leave("5", "anx"), "{\"type\":\"leave\",\"id\":\"5\",\"room\":\"anx\"}"),
                Arguments.of(new Send("6", "anx", "hi", "c-1"),
                        "{\"type\":\"send\",\"id\":\"6\",\"room\":\"anx\",\"text\":\"hi\",\"clientId\":\"c-1\"}"));
    }

    @ParameterizedTest
    @MethodSource("clientGoldens")
    void encodeToString_clientFrame_givesGoldenJson(ClientMessage frame, String json) {
        assertThat(codec.encodeToString(frame)).isEqualTo(json);
    }

    @ParameterizedTest
    @MethodSource("clientGoldens")
    void decodeClient_goldenJson_givesExpectedRecord(ClientMessage frame, String json) throws Exception {
        assertThat(codec.decodeClient(json)).isEqualTo(frame);
    }

    static Stream<Arguments> handWrittenClientJson() {
        return Stream.of(
                Arguments.of("{\"id\":\"5\",\"room\":\"anx\",\"type\":\"leave\"}", new Leave("5", "anx")),
                Arguments.of(" {\"type\" : \"ping\"}\n", new Ping(null)),
                Arguments.of("{\"type\":\"join\",\"room\":\"anx\",\"since\":0}", new Join(null, "anx", 0L, null)),
                Arguments.of("{\"type\":\"rooms\",\"category\":\"general\"}",
                        new ListRooms(null, RoomCategory.GENERAL, null, null)),
                Arguments.of("{\"type\":\"send\",\"room\":\"anx\",\"text\":\"caf\\u00e9 \\\"ok\\\"\"}",
                        Send.text("anx", "café \"ok\"")),
                Arguments.of("{\"type\":\"hello\",\"token\":\"t\",\"name\":\"Sky\"}", new Hello(null, "t", "Sky")));
    }

    @ParameterizedTest
    @MethodSource("handWrittenClientJson")
    void decodeClient_handWrittenJson_givesExpectedRecord(String json, ClientMessage expected) throws Exception {
        assertThat(codec.decodeClient(json)).isEqualTo(expected);
    }

    @Test
    void decodeServer_goldenOkJson_usesResultTypeOfPendingRequest() throws Exception {
        ServerMessage decoded = codec.decodeServer("{\"type\":\"ok\",\"id\":\"1\",\"seq\":42}",
                id -> "1".equals(id) ? SendResult.class : null);
        assertThat(decoded).isEqualTo(new Ok("1", new SendResult(42)));
    }
}
