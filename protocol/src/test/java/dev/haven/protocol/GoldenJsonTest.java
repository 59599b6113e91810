package dev.haven.protocol;

import static dev.haven.protocol.Samples.ANXIETY;
import static dev.haven.protocol.Samples.ANXIETY_MODERATED;
import static dev.haven.protocol.Samples.MESSAGE_WITH_CLIENT_ID;
import static dev.haven.protocol.Samples.MUTE_ENTRY;
import static dev.haven.protocol.Samples.RIVER;
import static dev.haven.protocol.Samples.RIVER_SHARE;
import static dev.haven.protocol.Samples.SET_ROOM_ENTRY;
import static dev.haven.protocol.Samples.SKY_MUTED;
import static dev.haven.protocol.Samples.SKY_PLAIN;
import static dev.haven.protocol.Samples.SKY_SHARE;
import static dev.haven.protocol.Samples.VETERANS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;

import dev.haven.protocol.client.Admit;
import dev.haven.protocol.client.Audit;
import dev.haven.protocol.client.Ban;
import dev.haven.protocol.client.ClientMessage;
import dev.haven.protocol.client.Delete;
import dev.haven.protocol.client.Deny;
import dev.haven.protocol.client.Hello;
import dev.haven.protocol.client.Join;
import dev.haven.protocol.client.Leave;
import dev.haven.protocol.client.ListRooms;
import dev.haven.protocol.client.LowerHand;
import dev.haven.protocol.client.Mute;
import dev.haven.protocol.client.Ping;
import dev.haven.protocol.client.RaiseHand;
import dev.haven.protocol.client.Remove;
import dev.haven.protocol.client.Report;
import dev.haven.protocol.client.Send;
import dev.haven.protocol.client.SetRoom;
import dev.haven.protocol.client.Stats;
import dev.haven.protocol.client.Unban;
import dev.haven.protocol.client.Unmute;
import dev.haven.protocol.client.Voice;
import dev.haven.protocol.client.Warn;
import dev.haven.protocol.model.Admission;
import dev.haven.protocol.model.AlertKind;
import dev.haven.protocol.model.NoticeKind;
import dev.haven.protocol.model.PresenceKind;
import dev.haven.protocol.model.Role;
import dev.haven.protocol.model.RoomCategory;
import dev.haven.protocol.server.Alert;
import dev.haven.protocol.server.AuditResult;
import dev.haven.protocol.server.ErrorReply;
import dev.haven.protocol.server.HelloResult;
import dev.haven.protocol.server.JoinResult;
import dev.haven.protocol.server.MessageDeleted;
import dev.haven.protocol.server.MessageEvent;
import dev.haven.protocol.server.Notice;
import dev.haven.protocol.server.Ok;
import dev.haven.protocol.server.PresenceEvent;
import dev.haven.protocol.server.Result;
import dev.haven.protocol.server.RoomUpdated;
import dev.haven.protocol.server.RoomsResult;
import dev.haven.protocol.server.SendResult;
import dev.haven.protocol.server.ServerMessage;
import dev.haven.protocol.server.StatsResult;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GoldenJsonTest {
    private static final String ANXIETY_JSON = "{\"id\":\"anx\",\"name\":\"Anxiety\",\"category\":\"condition\","
            + "\"topic\":\"Evening group\",\"tags\":[\"anxiety\",\"evening\"],\"members\":3,\"capacity\":20,"
            + "\"locked\":false,\"admission\":\"open\",\"guidelines\":\"Be kind.\",\"slowModeSeconds\":0,\"moderated\":false,"
            + "\"state\":\"open\",\"requireFacilitator\":false,\"guidelinesVersion\":1}";
    private static final String ANXIETY_MODERATED_JSON = "{\"id\":\"anx\",\"name\":\"Anxiety\",\"category\":\"condition\","
            + "\"topic\":\"Evening group\",\"tags\":[\"anxiety\",\"evening\"],\"members\":3,\"capacity\":20,"
            + "\"locked\":false,\"admission\":\"open\",\"guidelines\":\"Be kind.\",\"slowModeSeconds\":30,\"moderated\":true,"
            + "\"state\":\"open\",\"requireFacilitator\":false,\"guidelinesVersion\":1}";
    private static final String VETERANS_JSON = "{\"id\":\"vet\",\"name\":\"Veterans\",\"category\":\"demographic\","
            + "\"topic\":\"Drop in\",\"tags\":[],\"members\":0,\"capacity\":12,\"locked\":true,\"admission\":\"approval\","
            + "\"slowModeSeconds\":0,\"moderated\":false,\"state\":\"open\",\"requireFacilitator\":false,"
            + "\"guidelinesVersion\":1}";
    private static final String RIVER_JSON = "{\"id\":\"u1\",\"name\":\"River\",\"role\":\"facilitator\"}";
    private static final String SKY_PLAIN_JSON =
            "{\"id\":\"u2\",\"name\":\"Sky\",\"role\":\"member\",\"voice\":false,\"handRaised\":null}";
    private static final String SKY_MUTED_JSON =
            "{\"id\":\"u2\",\"name\":\"Sky\",\"role\":\"member\",\"voice\":true,\"handRaised\":1700000000123,\"muted\":true}";

    private final ProtocolCodec codec = new ProtocolCodec();

    @Test
    void encodeToString_announcement_isItsOwnEvent() {
        assertThat(codec.encodeToString(new dev.haven.protocol.server.Announcement("anx", "ann-1", "Ends at 20:30",
                1_700_000_003_000L))).isEqualTo(
                "{\"type\":\"announcement\",\"room\":\"anx\",\"id\":\"ann-1\",\"text\":\"Ends at 20:30\","
                        + "\"ts\":1700000003000}");
    }

    @Test
    void encodeToString_dutyReply_listsWhoIsOnDuty() throws Exception {
        assertThat(codec.encodeToString(new Ok("5", new dev.haven.protocol.server.DutyResult(
                java.util.List.of(new dev.haven.protocol.model.OnDuty("sup-1", "Sam", 1_700_000_000_000L)), true))))
                .isEqualTo("{\"type\":\"ok\",\"id\":\"5\",\"onDuty\":[{\"id\":\"sup-1\",\"name\":\"Sam\","
                        + "\"since\":1700000000000}],\"you\":true}");
        assertThat(codec.decodeClient("{\"type\":\"duty\",\"id\":\"6\",\"onDuty\":true}"))
                .isEqualTo(new dev.haven.protocol.client.SetDuty("6", true));
    }

    @Test
    void encodeToString_scheduledRoom_carriesNextSession() {
        String json = codec.encodeToString(new dev.haven.protocol.server.RoomUpdated(Samples.SCHEDULED));
        assertThat(json).contains("\"state\":\"lobby\"").endsWith(
                "\"guidelinesVersion\":1,\"nextSession\":\"2026-03-29T19:00:00+01:00\"}}");
    }

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
    void encodeToString_duplicateSendOk_writesTheFirstSeqAndDuplicate() {
        assertThat(codec.encodeToString(new Ok("1", SendResult.duplicateOf(42))))
                .isEqualTo("{\"type\":\"ok\",\"id\":\"1\",\"seq\":42,\"duplicate\":true}");
    }

    @Test
    void encodeToString_guestHelloResultOk_writesResume() {
        assertThat(codec.encodeToString(new Ok("h", new HelloResult(RIVER, 30, "r.e.s"))))
                .isEqualTo("{\"type\":\"ok\",\"id\":\"h\",\"user\":" + RIVER_JSON
                        + ",\"heartbeatSeconds\":30,\"resume\":\"r.e.s\"}");
    }

    @Test
    void decodeClient_helloWithResumeAlone_isAGuestComingBack() throws Exception {
        assertThat(codec.decodeClient("{\"type\":\"hello\",\"resume\":\"r.e.s\"}"))
                .isEqualTo(new Hello(null, null, null, "r.e.s"));
    }

    @Test
    void encodeToString_roomsResultOk_writesRoomsAndOmitsNullGuidelines() {
        assertThat(codec.encodeToString(new Ok("r", new RoomsResult(List.of(ANXIETY, VETERANS)))))
                .isEqualTo("{\"type\":\"ok\",\"id\":\"r\",\"rooms\":[" + ANXIETY_JSON + "," + VETERANS_JSON + "]}");
    }

    @Test
    void encodeToString_joinResultOk_writesRoomMembersHistorySeqGapAndNoWaiting() {
        JoinResult join = JoinResult.joined(ANXIETY, List.of(SKY_PLAIN), List.of(MESSAGE_WITH_CLIENT_ID), 6, false);
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
    void encodeToString_unavailable_carriesRetryAfterMs() {
        assertThat(codec.encodeToString(new ErrorReply("5", ErrorCode.UNAVAILABLE, "try again shortly", 2000L)))
                .isEqualTo("{\"type\":\"error\",\"id\":\"5\",\"code\":\"unavailable\","
                        + "\"message\":\"try again shortly\",\"retryAfterMs\":2000}");
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

    private static final String REPORT_ALERT_JSON = "{\"type\":\"alert\",\"room\":\"anx\",\"kind\":\"report\","
            + "\"member\":\"u2\",\"name\":\"Sky\",\"seq\":5,\"by\":\"u3\",\"reason\":\"unkind\",\"ts\":1700000001000}";
    private static final String STATS_OK_JSON = "{\"type\":\"ok\",\"id\":\"s\",\"windowSeconds\":600,\"members\":["
            + "{\"id\":\"u2\",\"name\":\"Sky\",\"messages\":12,\"chars\":1500,\"share\":0.75},"
            + "{\"id\":\"u1\",\"name\":\"River\",\"messages\":3,\"chars\":500,\"share\":0.25}],\"dominant\":[\"u2\"]}";
    private static final String AUDIT_OK_JSON = "{\"type\":\"ok\",\"id\":\"a\",\"entries\":["
            + "{\"ts\":1700000000900,\"actor\":\"u1\",\"action\":\"mute\",\"target\":\"u2\",\"reason\":\"cool down\"},"
            + "{\"ts\":1700000000800,\"actor\":\"u1\",\"action\":\"set_room\"}]}";

    /** The result type a golden ok reply answers, by its id. */
    private static final Map<String, Class<? extends Result>> GOLDEN_PENDING =
            Map.of("s", StatsResult.class, "a", AuditResult.class, "j", JoinResult.class, "e", StatsResult.class);

    static Stream<Arguments> serverGoldens() {
        return Stream.of(
                Arguments.of(named("notice muted with until and reason",
                        new Notice("anx", NoticeKind.MUTED, 1_700_000_600_000L, "cool down", null)),
                        "{\"type\":\"notice\",\"room\":\"anx\",\"kind\":\"muted\",\"until\":1700000600000,"
                                + "\"reason\":\"cool down\"}"),
                Arguments.of(named("notice removed, bare", Notice.of("anx", NoticeKind.REMOVED)),
                        "{\"type\":\"notice\",\"room\":\"anx\",\"kind\":\"removed\"}"),
                Arguments.of(named("notice warning", new Notice("anx", NoticeKind.WARNING, null, "be gentle", null)),
                        "{\"type\":\"notice\",\"room\":\"anx\",\"kind\":\"warning\",\"reason\":\"be gentle\"}"),
                Arguments.of(named("notice voice granted", new Notice("anx", NoticeKind.VOICE, null, null, true)),
                        "{\"type\":\"notice\",\"room\":\"anx\",\"kind\":\"voice\",\"granted\":true}"),
                Arguments.of(named("notice admitted", Notice.of("vet", NoticeKind.ADMITTED)),
                        "{\"type\":\"notice\",\"room\":\"vet\",\"kind\":\"admitted\"}"),
                Arguments.of(named("alert report",
                        new Alert("anx", AlertKind.REPORT, "u2", "Sky", 5L, "u3", "unkind", 1_700_000_001_000L)),
                        REPORT_ALERT_JSON),
                Arguments.of(named("alert hand_raised",
                        new Alert("anx", AlertKind.HAND_RAISED, "u2", "Sky", null, null, null, 1_700_000_001_200L)),
                        "{\"type\":\"alert\",\"room\":\"anx\",\"kind\":\"hand_raised\",\"member\":\"u2\","
                                + "\"name\":\"Sky\",\"ts\":1700000001200}"),
                Arguments.of(named("alert waiting",
                        new Alert("vet", AlertKind.WAITING, "u2", "Sky", null, null, null, 1_700_000_001_300L)),
                        "{\"type\":\"alert\",\"room\":\"vet\",\"kind\":\"waiting\",\"member\":\"u2\","
                                + "\"name\":\"Sky\",\"ts\":1700000001300}"),
                Arguments.of(named("message_deleted", new MessageDeleted("anx", 5)),
                        "{\"type\":\"message_deleted\",\"room\":\"anx\",\"seq\":5}"),
                Arguments.of(named("room_updated", new RoomUpdated(ANXIETY_MODERATED)),
                        "{\"type\":\"room_updated\",\"room\":" + ANXIETY_MODERATED_JSON + "}"),
                Arguments.of(named("stats ok",
                        new Ok("s", new StatsResult(600, List.of(SKY_SHARE, RIVER_SHARE), List.of("u2")))),
                        STATS_OK_JSON),
                Arguments.of(named("stats ok, nobody spoke", new Ok("e", new StatsResult(600, List.of(), List.of()))),
                        "{\"type\":\"ok\",\"id\":\"e\",\"windowSeconds\":600,\"members\":[],\"dominant\":[]}"),
                Arguments.of(named("audit ok", new Ok("a", new AuditResult(List.of(MUTE_ENTRY, SET_ROOM_ENTRY)))),
                        AUDIT_OK_JSON),
                Arguments.of(named("join waiting ok", new Ok("j", JoinResult.waitingForAdmission())),
                        "{\"type\":\"ok\",\"id\":\"j\",\"waiting\":true}"));
    }

    @ParameterizedTest
    @MethodSource("serverGoldens")
    void encodeToString_newServerFrame_givesGoldenJson(ServerMessage frame, String json) {
        assertThat(codec.encodeToString(frame)).isEqualTo(json);
    }

    @ParameterizedTest
    @MethodSource("serverGoldens")
    void decodeServer_goldenJson_givesExpectedRecord(ServerMessage frame, String json) throws Exception {
        assertThat(codec.decodeServer(json, GOLDEN_PENDING::get)).isEqualTo(frame);
    }

    @Test
    void decodeServer_joinWaitingOk_givesWaitingAlone() throws Exception {
        ServerMessage decoded = codec.decodeServer("{\"type\":\"ok\",\"id\":\"j\",\"waiting\":true}", GOLDEN_PENDING::get);
        assertThat(decoded).isInstanceOf(Ok.class);
        JoinResult join = (JoinResult) ((Ok) decoded).result();
        assertThat(join.waiting()).isTrue();
        assertThat(join.room()).isNull();
        assertThat(join.members()).isNull();
        assertThat(join.history()).isNull();
        assertThat(join.seq()).isNull();
        assertThat(join.gap()).isNull();
    }

    @Test
    void joined_leavesWaitingUnset() {
        JoinResult join = JoinResult.joined(ANXIETY, List.of(), List.of(), 3, false);
        assertThat(join.waiting()).isNull();
        assertThat(join.seq()).isEqualTo(3L);
        assertThat(join.gap()).isFalse();
    }

    static Stream<Arguments> enumWireNames() {
        return Stream.of(
                Arguments.of(ErrorCode.GUIDELINES_REQUIRED, "\"guidelines_required\""),
                Arguments.of(ErrorCode.SESSION_NOT_OPEN, "\"session_not_open\""),
                Arguments.of(ErrorCode.NOT_YOUR_TURN, "\"not_your_turn\""),
                Arguments.of(Role.FACILITATOR, "\"facilitator\""),
                Arguments.of(RoomCategory.DEMOGRAPHIC, "\"demographic\""),
                Arguments.of(PresenceKind.LEAVE, "\"leave\""),
                Arguments.of(Admission.APPROVAL, "\"approval\""),
                Arguments.of(NoticeKind.MUTED, "\"muted\""),
                Arguments.of(NoticeKind.WARNING, "\"warning\""),
                Arguments.of(NoticeKind.ADMITTED, "\"admitted\""),
                Arguments.of(AlertKind.REPORT, "\"report\""),
                Arguments.of(AlertKind.HAND_RAISED, "\"hand_raised\""),
                Arguments.of(AlertKind.WAITING, "\"waiting\""));
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
                "too_large", "guidelines_required", "session_not_open", "not_your_turn", "witness_required",
                "unavailable", "internal");
    }

    @Test
    void closeCode_codes_areTheContractCodes() {
        assertThat(Stream.of(CloseCode.values()).mapToInt(CloseCode::code))
                .containsExactly(1000, 1001, 1002, 1003, 1007, 1008, 1009, 1012, 4001);
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
                        "{\"type\":\"send\",\"id\":\"6\",\"room\":\"anx\",\"text\":\"hi\",\"clientId\":\"c-1\"}"),
                Arguments.of(new RaiseHand("10", "anx"), "{\"type\":\"raise_hand\",\"id\":\"10\",\"room\":\"anx\"}"),
                Arguments.of(new LowerHand("11", "anx", null), "{\"type\":\"lower_hand\",\"id\":\"11\",\"room\":\"anx\"}"),
                Arguments.of(new LowerHand("12", "anx", "u2"),
                        "{\"type\":\"lower_hand\",\"id\":\"12\",\"room\":\"anx\",\"user\":\"u2\"}"),
                Arguments.of(new Report("13", "anx", 5L, "unkind"),
                        "{\"type\":\"report\",\"id\":\"13\",\"room\":\"anx\",\"seq\":5,\"reason\":\"unkind\"}"),
                Arguments.of(new Report("14", "anx", 5L, null), "{\"type\":\"report\",\"id\":\"14\",\"room\":\"anx\",\"seq\":5}"),
                Arguments.of(new Mute("15", "anx", "u2", 600L, "cool down"),
                        "{\"type\":\"mute\",\"id\":\"15\",\"room\":\"anx\",\"user\":\"u2\",\"seconds\":600,"
                                + "\"reason\":\"cool down\"}"),
                Arguments.of(new Mute("16", "anx", "u2", null, null),
                        "{\"type\":\"mute\",\"id\":\"16\",\"room\":\"anx\",\"user\":\"u2\"}"),
                Arguments.of(new Unmute("17", "anx", "u2"), "{\"type\":\"unmute\",\"id\":\"17\",\"room\":\"anx\",\"user\":\"u2\"}"),
                Arguments.of(new Remove("18", "anx", "u2", "take a break"),
                        "{\"type\":\"remove\",\"id\":\"18\",\"room\":\"anx\",\"user\":\"u2\",\"reason\":\"take a break\"}"),
                Arguments.of(new Ban("19", "anx", "u2", 86_400L, "spam"),
                        "{\"type\":\"ban\",\"id\":\"19\",\"room\":\"anx\",\"user\":\"u2\",\"seconds\":86400,\"reason\":\"spam\"}"),
                Arguments.of(new Unban("20", "anx", "u2"), "{\"type\":\"unban\",\"id\":\"20\",\"room\":\"anx\",\"user\":\"u2\"}"),
                Arguments.of(new Delete("21", "anx", 5L), "{\"type\":\"delete\",\"id\":\"21\",\"room\":\"anx\",\"seq\":5}"),
                Arguments.of(new SetRoom("22", "anx", true, 30, false, Admission.APPROVAL),
                        "{\"type\":\"set_room\",\"id\":\"22\",\"room\":\"anx\",\"locked\":true,\"slowModeSeconds\":30,"
                                + "\"moderated\":false,\"admission\":\"approval\"}"),
                Arguments.of(new SetRoom("23", "anx", null, 0, null, null),
                        "{\"type\":\"set_room\",\"id\":\"23\",\"room\":\"anx\",\"slowModeSeconds\":0}"),
                Arguments.of(new Voice("24", "anx", "u2", true),
                        "{\"type\":\"voice\",\"id\":\"24\",\"room\":\"anx\",\"user\":\"u2\",\"granted\":true}"),
                Arguments.of(new Voice("25", "anx", "u2", false),
                        "{\"type\":\"voice\",\"id\":\"25\",\"room\":\"anx\",\"user\":\"u2\",\"granted\":false}"),
                Arguments.of(new Admit("26", "vet", "u2"), "{\"type\":\"admit\",\"id\":\"26\",\"room\":\"vet\",\"user\":\"u2\"}"),
                Arguments.of(new Deny("27", "vet", "u2"), "{\"type\":\"deny\",\"id\":\"27\",\"room\":\"vet\",\"user\":\"u2\"}"),
                Arguments.of(new Warn("28", "anx", "u2", "be gentle"),
                        "{\"type\":\"warn\",\"id\":\"28\",\"room\":\"anx\",\"user\":\"u2\",\"text\":\"be gentle\"}"),
                Arguments.of(new Stats("29", "anx"), "{\"type\":\"stats\",\"id\":\"29\",\"room\":\"anx\"}"),
                Arguments.of(new Audit("30", "anx", 50), "{\"type\":\"audit\",\"id\":\"30\",\"room\":\"anx\",\"limit\":50}"),
                Arguments.of(new Audit("31", "anx", null), "{\"type\":\"audit\",\"id\":\"31\",\"room\":\"anx\"}"));
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
                Arguments.of("{\"type\":\"hello\",\"token\":\"t\",\"name\":\"Sky\"}", new Hello(null, "t", "Sky")),
                Arguments.of("{\"room\":\"anx\",\"type\":\"set_room\",\"admission\":\"open\"}",
                        new SetRoom(null, "anx", null, null, null, Admission.OPEN)),
                Arguments.of("{\"type\":\"set_room\",\"room\":\"anx\",\"locked\":null,\"moderated\":true}",
                        new SetRoom(null, "anx", null, null, true, null)),
                Arguments.of("{\"type\":\"mute\",\"room\":\"anx\",\"user\":\"u2\",\"seconds\":null,\"reason\":null}",
                        new Mute(null, "anx", "u2", null, null)),
                Arguments.of("{\"user\":\"u2\",\"seconds\":1,\"room\":\"anx\",\"type\":\"ban\"}",
                        new Ban(null, "anx", "u2", 1L, null)),
                Arguments.of("{\"type\":\"lower_hand\",\"room\":\"anx\",\"user\":null}", new LowerHand(null, "anx", null)),
                Arguments.of("{\"type\":\"report\",\"room\":\"anx\",\"seq\":1,\"reason\":\"caf\\u00e9\"}",
                        new Report(null, "anx", 1L, "café")),
                Arguments.of("{\"type\":\"audit\",\"room\":\"anx\",\"limit\":null}", new Audit(null, "anx", null)),
                Arguments.of("{\"type\":\"voice\",\"granted\":false,\"user\":\"u2\",\"room\":\"anx\"}",
                        new Voice(null, "anx", "u2", false)));
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
