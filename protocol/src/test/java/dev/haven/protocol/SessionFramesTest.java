package dev.haven.protocol;

import static dev.haven.protocol.Samples.ROUND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Named.named;

import dev.haven.protocol.client.ClientMessage;
import dev.haven.protocol.client.CloseSession;
import dev.haven.protocol.client.Join;
import dev.haven.protocol.client.Mood;
import dev.haven.protocol.client.MoodPoll;
import dev.haven.protocol.client.OpenSession;
import dev.haven.protocol.client.Pass;
import dev.haven.protocol.client.RoundStart;
import dev.haven.protocol.client.Send;
import dev.haven.protocol.client.SetRoom;
import dev.haven.protocol.client.TurnExtend;
import dev.haven.protocol.model.AlertKind;
import dev.haven.protocol.model.ContentWarning;
import dev.haven.protocol.model.CwLabel;
import dev.haven.protocol.model.MoodPhase;
import dev.haven.protocol.model.NoticeKind;
import dev.haven.protocol.model.RoundKind;
import dev.haven.protocol.model.RoundOrder;
import dev.haven.protocol.model.RoundState;
import dev.haven.protocol.server.Alert;
import dev.haven.protocol.server.MessageEvent;
import dev.haven.protocol.server.MoodPollEvent;
import dev.haven.protocol.server.MoodSummary;
import dev.haven.protocol.server.Notice;
import dev.haven.protocol.server.Ok;
import dev.haven.protocol.server.RoundEvent;
import dev.haven.protocol.server.RoundStarted;
import dev.haven.protocol.server.ServerMessage;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The frames of sessions, rounds, mood check-ins and content warnings: golden JSON both ways, and refusals. */
class SessionFramesTest {
    private static final ProtocolCodec CODEC = new ProtocolCodec();

    static Stream<Arguments> serverGoldens() {
        return Stream.of(
                Arguments.of(named("round running", ROUND),
                        "{\"type\":\"round\",\"room\":\"anx\",\"roundId\":\"round-1\",\"kind\":\"check_in\","
                                + "\"prompt\":\"One word for how you arrive\",\"speaker\":\"u2\",\"queue\":[\"u3\",\"u4\"],"
                                + "\"turnEndsAt\":1700000090000,\"state\":\"running\",\"turnSeconds\":90,"
                                + "\"order\":\"join\",\"allowPass\":true,\"talkingStick\":true}"),
                Arguments.of(named("round ended, no speaker",
                        new RoundEvent("anx", "round-1", RoundKind.GO_ROUND, "p", null, List.of(), null,
                                RoundState.ENDED, null, 60, RoundOrder.RANDOM, false, false)),
                        "{\"type\":\"round\",\"room\":\"anx\",\"roundId\":\"round-1\",\"kind\":\"go_round\","
                                + "\"prompt\":\"p\",\"speaker\":null,\"queue\":[],\"turnEndsAt\":null,"
                                + "\"state\":\"ended\",\"turnSeconds\":60,\"order\":\"random\",\"allowPass\":false,"
                                + "\"talkingStick\":false}"),
                Arguments.of(named("mood_poll", new MoodPollEvent("anx", "poll-1", MoodPhase.CHECK_OUT, 1_700_000_060_000L)),
                        "{\"type\":\"mood_poll\",\"room\":\"anx\",\"pollId\":\"poll-1\",\"phase\":\"check_out\","
                                + "\"closesAt\":1700000060000}"),
                Arguments.of(named("mood_summary", MoodSummary.of("anx", "poll-1", 6, new int[] {0, 1, 2, 2, 0})),
                        "{\"type\":\"mood_summary\",\"room\":\"anx\",\"pollId\":\"poll-1\",\"n\":6,"
                                + "\"distribution\":{\"1\":0,\"2\":1,\"3\":2,\"4\":2,\"5\":0}}"),
                Arguments.of(named("mood_summary suppressed", MoodSummary.suppressed("anx", "poll-2", 3)),
                        "{\"type\":\"mood_summary\",\"room\":\"anx\",\"pollId\":\"poll-2\",\"n\":3,\"suppressed\":true}"),
                Arguments.of(named("notice session_closing",
                        Notice.sessionClosing("anx", 1_700_000_060_000L, "Soon.")),
                        "{\"type\":\"notice\",\"room\":\"anx\",\"kind\":\"session_closing\",\"text\":\"Soon.\","
                                + "\"closesAt\":1700000060000}"),
                Arguments.of(named("notice unfacilitated, no cards",
                        Notice.unfacilitated("anx", "Alone.", List.of())),
                        "{\"type\":\"notice\",\"room\":\"anx\",\"kind\":\"unfacilitated\",\"text\":\"Alone.\","
                                + "\"resources\":[]}"),
                Arguments.of(named("notice turn_warning", new Notice("anx", NoticeKind.TURN_WARNING, 1_700_000_090_000L,
                        null, null)), "{\"type\":\"notice\",\"room\":\"anx\",\"kind\":\"turn_warning\","
                                + "\"until\":1700000090000}"),
                Arguments.of(named("alert mood_shared", Alert.moodShared("anx", "u2", "Sky", 1_700_000_001_500L,
                        "poll-1", 2)),
                        "{\"type\":\"alert\",\"room\":\"anx\",\"kind\":\"mood_shared\",\"member\":\"u2\",\"name\":\"Sky\","
                                + "\"ts\":1700000001500,\"pollId\":\"poll-1\",\"value\":2}"),
                Arguments.of(named("message with cw", new MessageEvent("anx", 7, Samples.SKY, "hard", 5L, null,
                        new ContentWarning(CwLabel.CUSTOM, "a funeral"))),
                        "{\"type\":\"message\",\"room\":\"anx\",\"seq\":7,\"from\":{\"id\":\"u2\",\"name\":\"Sky\","
                                + "\"role\":\"member\"},\"text\":\"hard\",\"ts\":5,\"cw\":{\"label\":\"custom\","
                                + "\"text\":\"a funeral\"}}"),
                Arguments.of(named("round_start ok", new Ok("r", new RoundStarted("round-1"))),
                        "{\"type\":\"ok\",\"id\":\"r\",\"roundId\":\"round-1\"}"));
    }

    @ParameterizedTest
    @MethodSource("serverGoldens")
    void encodeToString_sessionFrame_givesGoldenJson(ServerMessage frame, String json) {
        assertThat(CODEC.encodeToString(frame)).isEqualTo(json);
    }

    @ParameterizedTest
    @MethodSource("serverGoldens")
    void decodeServer_goldenJson_givesExpectedRecord(ServerMessage frame, String json) throws Exception {
        assertThat(CODEC.decodeServer(json, id -> RoundStarted.class)).isEqualTo(frame);
    }

    static Stream<Arguments> clientGoldens() {
        return Stream.of(
                Arguments.of(new OpenSession("1", "anx"), "{\"type\":\"open_session\",\"id\":\"1\",\"room\":\"anx\"}"),
                Arguments.of(new CloseSession("2", "anx", 120L, null),
                        "{\"type\":\"close_session\",\"id\":\"2\",\"room\":\"anx\",\"graceSeconds\":120}"),
                Arguments.of(new RoundStart("3", "anx", RoundKind.CHECK_OUT, "One thing you take with you", 60L,
                        RoundOrder.RANDOM, false, true),
                        "{\"type\":\"round_start\",\"id\":\"3\",\"room\":\"anx\",\"kind\":\"check_out\","
                                + "\"prompt\":\"One thing you take with you\",\"turnSeconds\":60,\"order\":\"random\","
                                + "\"allowPass\":false,\"talkingStick\":true}"),
                Arguments.of(new Pass("4", "anx"), "{\"type\":\"pass\",\"id\":\"4\",\"room\":\"anx\"}"),
                Arguments.of(new TurnExtend("5", "anx", 30L),
                        "{\"type\":\"turn_extend\",\"id\":\"5\",\"room\":\"anx\",\"seconds\":30}"),
                Arguments.of(new MoodPoll("6", "anx", MoodPhase.CHECK_IN, 45L),
                        "{\"type\":\"mood_poll\",\"id\":\"6\",\"room\":\"anx\",\"phase\":\"check_in\","
                                + "\"closesInSeconds\":45}"),
                Arguments.of(new Mood("7", "anx", "poll-1", 4, true),
                        "{\"type\":\"mood\",\"id\":\"7\",\"room\":\"anx\",\"pollId\":\"poll-1\",\"value\":4,"
                                + "\"shareWithFacilitator\":true}"),
                Arguments.of(new Send("8", "anx", "hi", null, ContentWarning.of(CwLabel.SUBSTANCE_USE)),
                        "{\"type\":\"send\",\"id\":\"8\",\"room\":\"anx\",\"text\":\"hi\","
                                + "\"cw\":{\"label\":\"substance_use\"}}"),
                Arguments.of(new Join("9", "anx", null, true, 2),
                        "{\"type\":\"join\",\"id\":\"9\",\"room\":\"anx\",\"acceptGuidelines\":true,"
                                + "\"guidelinesVersion\":2}"),
                Arguments.of(new SetRoom("10", "anx", null, null, null, null, "Be kind."),
                        "{\"type\":\"set_room\",\"id\":\"10\",\"room\":\"anx\",\"guidelines\":\"Be kind.\"}"));
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

    @Test
    void decodeClient_moodWithNullValue_takesPartWithoutAScore() throws Exception {
        assertThat(CODEC.decodeClient("{\"type\":\"mood\",\"room\":\"anx\",\"pollId\":\"p\",\"value\":null}"))
                .isEqualTo(new Mood(null, "anx", "p", null, null));
    }

    @Test
    void decodeClient_cwWithBlankText_dropsTheText() throws Exception {
        Send send = (Send) CODEC.decodeClient(
                "{\"type\":\"send\",\"room\":\"anx\",\"text\":\"hi\",\"cw\":{\"label\":\"trauma\",\"text\":\"  \"}}");
        assertThat(send.cw()).isEqualTo(ContentWarning.of(CwLabel.TRAUMA));
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("{\"type\":\"mood\",\"id\":\"a\",\"room\":\"anx\",\"pollId\":\"p\",\"value\":6}", "value"),
                Arguments.of("{\"type\":\"mood\",\"id\":\"a\",\"room\":\"anx\",\"pollId\":\"p\",\"value\":0}", "value"),
                Arguments.of("{\"type\":\"mood\",\"id\":\"a\",\"room\":\"anx\",\"pollId\":\"p\",\"value\":2.5}", "value"),
                Arguments.of("{\"type\":\"mood\",\"id\":\"a\",\"room\":\"anx\",\"pollId\":\"p\",\"value\":\"3\"}", "value"),
                Arguments.of("{\"type\":\"mood\",\"id\":\"a\",\"room\":\"anx\",\"value\":3}", "pollId"),
                Arguments.of("{\"type\":\"round_start\",\"id\":\"a\",\"room\":\"anx\",\"prompt\":\"p\"}", "kind"),
                Arguments.of("{\"type\":\"round_start\",\"id\":\"a\",\"room\":\"anx\",\"kind\":\"chat\",\"prompt\":\"p\"}",
                        "kind"),
                Arguments.of("{\"type\":\"round_start\",\"id\":\"a\",\"room\":\"anx\",\"kind\":\"check_in\"}", "prompt"),
                Arguments.of("{\"type\":\"round_start\",\"id\":\"a\",\"room\":\"anx\",\"kind\":\"check_in\",\"prompt\":\"p\","
                        + "\"turnSeconds\":0}", "turnSeconds"),
                Arguments.of("{\"type\":\"round_start\",\"id\":\"a\",\"room\":\"anx\",\"kind\":\"check_in\",\"prompt\":\"p\","
                        + "\"turnSeconds\":901}", "turnSeconds"),
                Arguments.of("{\"type\":\"round_start\",\"id\":\"a\",\"room\":\"anx\",\"kind\":\"check_in\",\"prompt\":\"p\","
                        + "\"order\":\"alphabetical\"}", "order"),
                Arguments.of("{\"type\":\"round_start\",\"id\":\"a\",\"room\":\"anx\",\"kind\":\"check_in\",\"prompt\":\""
                        + "x".repeat(501) + "\"}", "prompt"),
                Arguments.of("{\"type\":\"turn_extend\",\"id\":\"a\",\"room\":\"anx\"}", "seconds"),
                Arguments.of("{\"type\":\"turn_extend\",\"id\":\"a\",\"room\":\"anx\",\"seconds\":601}", "seconds"),
                Arguments.of("{\"type\":\"close_session\",\"id\":\"a\",\"room\":\"anx\",\"graceSeconds\":0}", "graceSeconds"),
                Arguments.of("{\"type\":\"close_session\",\"id\":\"a\",\"room\":\"anx\",\"graceSeconds\":1801}",
                        "graceSeconds"),
                Arguments.of("{\"type\":\"mood_poll\",\"id\":\"a\",\"room\":\"anx\",\"phase\":\"check_in\","
                        + "\"closesInSeconds\":901}", "closesInSeconds"),
                Arguments.of("{\"type\":\"mood_poll\",\"id\":\"a\",\"room\":\"anx\"}", "phase"),
                Arguments.of("{\"type\":\"send\",\"id\":\"a\",\"room\":\"anx\",\"text\":\"hi\",\"cw\":{\"label\":\"gore\"}}",
                        "label"),
                Arguments.of("{\"type\":\"send\",\"id\":\"a\",\"room\":\"anx\",\"text\":\"hi\",\"cw\":{\"label\":\"custom\"}}",
                        "cw.text"),
                Arguments.of("{\"type\":\"send\",\"id\":\"a\",\"room\":\"anx\",\"text\":\"hi\",\"cw\":{\"label\":\"custom\","
                        + "\"text\":\"" + "y".repeat(101) + "\"}}", "cw.text"),
                Arguments.of("{\"type\":\"send\",\"id\":\"a\",\"room\":\"anx\",\"text\":\"hi\",\"cw\":\"trauma\"}", "cw"),
                Arguments.of("{\"type\":\"join\",\"id\":\"a\",\"room\":\"anx\",\"guidelinesVersion\":0}",
                        "guidelinesVersion"),
                Arguments.of("{\"type\":\"set_room\",\"id\":\"a\",\"room\":\"anx\",\"guidelines\":\" \"}", "guidelines"));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void decodeClient_outOfRange_isBadRequestNamingTheField(String json, String field) {
        ProtocolException e = catchThrowableOfType(() -> CODEC.decodeClient(json), ProtocolException.class);
        assertThat(e).as(json).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(e.requestId()).isEqualTo("a");
        assertThat(e.getMessage()).contains(field).doesNotContain("gore", "alphabetical", "chat\"");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 900})
    void roundStart_turnSecondsAtTheBounds_isAccepted(long seconds) {
        assertThat(new RoundStart(null, "anx", RoundKind.GO_ROUND, "p", seconds, null, null, null).turnSeconds())
                .isEqualTo(seconds);
    }

    @Test
    void toString_keepsPromptsMoodsAndWarningsOut() {
        assertThat(new RoundStart("1", "anx", RoundKind.CHECK_IN, "my secret prompt", null, null, null, null))
                .asString().doesNotContain("secret");
        assertThat(new Mood("1", "anx", "poll-1", 4, true)).asString().doesNotContain("value", "4");
        assertThat(new Send("1", "anx", "text", null, new ContentWarning(CwLabel.CUSTOM, "my secret words")))
                .asString().doesNotContain("secret").contains("custom");
        assertThat(new CloseSession("1", "anx", 10L, "secret goodbye")).asString().doesNotContain("secret");
        assertThat(ROUND).asString().doesNotContain("One word");
    }
}
