package dev.haven.protocol;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.haven.protocol.client.Audit;
import dev.haven.protocol.client.Ban;
import dev.haven.protocol.client.ClientMessage;
import dev.haven.protocol.client.LowerHand;
import dev.haven.protocol.client.Mute;
import dev.haven.protocol.client.RoomRequest;
import dev.haven.protocol.client.SetRoom;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Decoding of the members' tools and facilitators' commands: what is refused, and what is let through. */
class RoomRequestRejectionTest {
    private static final ProtocolCodec CODEC = new ProtocolCodec();

    /** For each room request: the fields of a valid frame besides type, id and room. */
    private static final Map<String, String> REST = Map.ofEntries(
            entry("raise_hand", ""),
            entry("lower_hand", ""),
            entry("report", ",\"seq\":5"),
            entry("mute", ",\"user\":\"u2\""),
            entry("unmute", ",\"user\":\"u2\""),
            entry("remove", ",\"user\":\"u2\""),
            entry("ban", ",\"user\":\"u2\""),
            entry("unban", ",\"user\":\"u2\""),
            entry("delete", ",\"seq\":5"),
            entry("set_room", ",\"locked\":true"),
            entry("voice", ",\"user\":\"u2\",\"granted\":true"),
            entry("admit", ",\"user\":\"u2\""),
            entry("deny", ",\"user\":\"u2\""),
            entry("warn", ",\"user\":\"u2\",\"text\":\"be gentle\""),
            entry("stats", ""),
            entry("audit", ""),
            entry("request_facilitator", ""),
            entry("ack_alert", ",\"alertId\":\"alert-1\",\"action\":\"handled\""),
            entry("resources", ""),
            entry("share_resource", ",\"card\":\"us-988\""),
            entry("open_session", ""),
            entry("close_session", ""),
            entry("round_start", ",\"kind\":\"check_in\",\"prompt\":\"How are you arriving?\""),
            entry("turn_done", ""),
            entry("pass", ""),
            entry("turn_extend", ",\"seconds\":30"),
            entry("round_end", ""),
            entry("mood_poll", ",\"phase\":\"check_in\""),
            entry("mood", ",\"pollId\":\"poll-1\",\"value\":3"),
            entry("sanctions", ""),
            entry("turn_next", ""));

    /** The requests that name the member they act on, and cannot do without. */
    private static final Set<String> USER_REQUIRED =
            Set.of("mute", "unmute", "remove", "ban", "unban", "voice", "admit", "deny", "warn");

    private static String frame(String type, String fields) {
        return "{\"type\":\"" + type + "\",\"id\":\"a\"" + fields + "}";
    }

    private static String valid(String type) {
        return frame(type, ",\"room\":\"anx\"" + REST.get(type));
    }

    private static String withUser(String type, String user) {
        String rest = REST.get(type).replace(",\"user\":\"u2\"", user == null ? "" : ",\"user\":" + user);
        return frame(type, ",\"room\":\"anx\"" + rest);
    }

    private static ProtocolException rejection(String json) {
        Throwable thrown = catchThrowable(() -> CODEC.decodeClient(json));
        assertThat(thrown).as(json).isInstanceOf(ProtocolException.class);
        return (ProtocolException) thrown;
    }

    /** Bad request, answered with the frame's id, naming the offending field. */
    private static void assertBadRequest(String json, String field) {
        ProtocolException e = rejection(json);
        assertThat(e.code()).as(json).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(e.requestId()).as(json).isEqualTo("a");
        assertThat(e.getMessage()).as(json).contains(field);
    }

    static Stream<String> roomRequestTypes() {
        return REST.keySet().stream().sorted();
    }

    static Stream<String> userRequiredTypes() {
        return USER_REQUIRED.stream().sorted();
    }

    @Test
    void rest_coversEveryRoomRequestType() {
        List<String> roomRequestNames = ProtocolCodec.typeNames(ClientMessage.class).entrySet().stream()
                .filter(e -> RoomRequest.class.isAssignableFrom(e.getValue()))
                .map(Map.Entry::getKey)
                .toList();
        assertThat(REST).containsOnlyKeys(roomRequestNames);
        assertThat(roomRequestNames).hasSize(Samples.concreteSubtypes(RoomRequest.class).size());
    }

    @ParameterizedTest
    @MethodSource("roomRequestTypes")
    void decodeClient_validRoomRequest_isAccepted(String type) throws Exception {
        ClientMessage decoded = CODEC.decodeClient(valid(type));
        assertThat(decoded).isInstanceOf(RoomRequest.class);
        assertThat(((RoomRequest) decoded).room()).isEqualTo("anx");
        assertThat(decoded.id()).isEqualTo("a");
        assertThat(ProtocolCodec.typeNames(ClientMessage.class).get(type)).isEqualTo(decoded.getClass());
    }

    @ParameterizedTest
    @MethodSource("roomRequestTypes")
    void decodeClient_roomRequestWithoutRoom_isBadRequestWithId(String type) {
        assertBadRequest(frame(type, REST.get(type)), "room");
        assertThat(rejection(frame(type, REST.get(type))).requestType()).isEqualTo(type);
    }

    @ParameterizedTest
    @MethodSource("roomRequestTypes")
    void decodeClient_roomRequestWithNullEmptyBlankOrMistypedRoom_isBadRequestWithId(String type) {
        for (String room : List.of("null", "\"\"", "\" \\t\"", "123", "true", "[\"anx\"]", "{}")) {
            assertBadRequest(frame(type, ",\"room\":" + room + REST.get(type)), "room");
        }
    }

    @ParameterizedTest
    @MethodSource("userRequiredTypes")
    void decodeClient_withoutUser_isBadRequestWithId(String type) {
        assertBadRequest(withUser(type, null), "user");
    }

    @ParameterizedTest
    @MethodSource("userRequiredTypes")
    void decodeClient_withNullEmptyBlankOrMistypedUser_isBadRequestWithId(String type) {
        for (String user : List.of("null", "\"\"", "\"  \"", "7", "false", "[\"u2\"]", "{\"id\":\"u2\"}")) {
            assertBadRequest(withUser(type, user), "user");
        }
    }

    @Test
    void decodeClient_lowerHandWithoutUser_isOwnHand() throws Exception {
        assertThat(CODEC.decodeClient(valid("lower_hand"))).isEqualTo(new LowerHand("a", "anx", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\"", "\" \"", "7", "[\"u2\"]"})
    void decodeClient_lowerHandWithEmptyOrMistypedUser_isBadRequestWithId(String user) {
        assertBadRequest(frame("lower_hand", ",\"room\":\"anx\",\"user\":" + user), "user");
    }

    // ------------------------------------------------------------------ durations

    static Stream<Arguments> badSeconds() {
        return Stream.of("mute", "ban").flatMap(type -> {
            long max = "mute".equals(type) ? Mute.MAX_SECONDS : Ban.MAX_SECONDS;
            return Stream.of("0", "-1", "-600", "1.5", "1.0", "0.5", "1e3", "\"60\"", "\"\"", "true", "[60]", "{}",
                    String.valueOf(max + 1), String.valueOf(Long.MAX_VALUE), "99999999999999999999")
                    .map(seconds -> Arguments.of(type, seconds));
        });
    }

    @ParameterizedTest(name = "{0} seconds={1}")
    @MethodSource("badSeconds")
    void decodeClient_muteOrBanWithSecondsNotAWholeNumberInRange_isBadRequestWithId(String type, String seconds) {
        assertBadRequest(frame(type, ",\"room\":\"anx\",\"user\":\"u2\",\"seconds\":" + seconds), "seconds");
    }

    @Test
    void decodeClient_muteSecondsAtBounds_isAccepted() throws Exception {
        assertThat(CODEC.decodeClient(frame("mute", ",\"room\":\"anx\",\"user\":\"u2\",\"seconds\":1")))
                .isEqualTo(new Mute("a", "anx", "u2", 1L, null));
        assertThat(CODEC.decodeClient(frame("mute", ",\"room\":\"anx\",\"user\":\"u2\",\"seconds\":" + Mute.MAX_SECONDS)))
                .isEqualTo(new Mute("a", "anx", "u2", Mute.MAX_SECONDS, null));
    }

    @Test
    void decodeClient_banSecondsAtBounds_isAccepted() throws Exception {
        assertThat(CODEC.decodeClient(frame("ban", ",\"room\":\"anx\",\"user\":\"u2\",\"seconds\":1")))
                .isEqualTo(new Ban("a", "anx", "u2", 1L, null));
        assertThat(CODEC.decodeClient(frame("ban", ",\"room\":\"anx\",\"user\":\"u2\",\"seconds\":" + Ban.MAX_SECONDS)))
                .isEqualTo(new Ban("a", "anx", "u2", Ban.MAX_SECONDS, null));
    }

    @Test
    void maxSeconds_areAWeekForMuteAndAYearForBan() {
        assertThat(Mute.MAX_SECONDS).isEqualTo(7L * 24 * 3600);
        assertThat(Ban.MAX_SECONDS).isEqualTo(365L * 24 * 3600);
    }

    // ------------------------------------------------------------------ seq

    static Stream<Arguments> badSeq() {
        return Stream.of("report", "delete").flatMap(type -> Stream.of(
                Arguments.of(type, ""),
                Arguments.of(type, ",\"seq\":null"),
                Arguments.of(type, ",\"seq\":0"),
                Arguments.of(type, ",\"seq\":-1"),
                Arguments.of(type, ",\"seq\":1.5"),
                Arguments.of(type, ",\"seq\":5.0"),
                Arguments.of(type, ",\"seq\":\"5\""),
                Arguments.of(type, ",\"seq\":true"),
                Arguments.of(type, ",\"seq\":99999999999999999999")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badSeq")
    void decodeClient_reportOrDeleteWithoutPositiveSeq_isBadRequestWithId(String type, String seq) {
        assertBadRequest(frame(type, ",\"room\":\"anx\"" + seq), "seq");
    }

    @ParameterizedTest
    @ValueSource(strings = {"report", "delete"})
    void decodeClient_reportOrDeleteWithSeqOne_isAccepted(String type) throws Exception {
        assertThat(CODEC.decodeClient(frame(type, ",\"room\":\"anx\",\"seq\":1"))).isInstanceOf(RoomRequest.class);
    }

    // ------------------------------------------------------------------ set_room

    @ParameterizedTest
    @ValueSource(strings = {"", ",\"locked\":null,\"slowModeSeconds\":null,\"moderated\":null,\"admission\":null",
            ",\"unknown\":true"})
    void decodeClient_setRoomWithNothingToChange_isBadRequestWithId(String fields) {
        assertBadRequest(frame("set_room", ",\"room\":\"anx\"" + fields), "set_room");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "3601", "-3600", "2147483647", "2147483648", "1.5", "30.0", "\"30\"", "true", "[30]"})
    void decodeClient_setRoomSlowModeOutOfRangeOrMistyped_isBadRequestWithId(String seconds) {
        assertBadRequest(frame("set_room", ",\"room\":\"anx\",\"slowModeSeconds\":" + seconds), "slowModeSeconds");
    }

    @Test
    void decodeClient_setRoomSlowModeAtBounds_isAccepted() throws Exception {
        assertThat(CODEC.decodeClient(frame("set_room", ",\"room\":\"anx\",\"slowModeSeconds\":0")))
                .isEqualTo(new SetRoom("a", "anx", null, 0, null, null));
        assertThat(CODEC.decodeClient(frame("set_room", ",\"room\":\"anx\",\"slowModeSeconds\":3600")))
                .isEqualTo(new SetRoom("a", "anx", null, SetRoom.MAX_SLOW_MODE_SECONDS, null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"maybe\"", "\"OPEN\"", "\"Approval\"", "\"\"", "1", "true", "[\"open\"]", "{}"})
    void decodeClient_setRoomUnknownAdmission_isBadRequestWithId(String admission) {
        assertBadRequest(frame("set_room", ",\"room\":\"anx\",\"admission\":" + admission), "admission");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"true\"", "1", "0", "\"yes\"", "[]"})
    void decodeClient_setRoomMistypedLockedOrModerated_isBadRequestWithId(String value) {
        assertBadRequest(frame("set_room", ",\"room\":\"anx\",\"locked\":" + value), "locked");
        assertBadRequest(frame("set_room", ",\"room\":\"anx\",\"moderated\":" + value), "moderated");
    }

    // ------------------------------------------------------------------ voice, warn

    @ParameterizedTest
    @ValueSource(strings = {"", ",\"granted\":null", ",\"granted\":\"true\"", ",\"granted\":1", ",\"granted\":[true]"})
    void decodeClient_voiceWithoutBooleanGranted_isBadRequestWithId(String granted) {
        assertBadRequest(frame("voice", ",\"room\":\"anx\",\"user\":\"u2\"" + granted), "granted");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ",\"text\":null", ",\"text\":\"\"", ",\"text\":\" \\n\\t \"", ",\"text\":5",
            ",\"text\":{\"t\":\"x\"}"})
    void decodeClient_warnWithoutText_isBadRequestWithId(String text) {
        assertBadRequest(frame("warn", ",\"room\":\"anx\",\"user\":\"u2\"" + text), "text");
    }

    // ------------------------------------------------------------------ reasons

    /** The field holding a free-text reason, with the rest of a frame that is otherwise valid. */
    static Stream<Arguments> reasonFields() {
        return Stream.of(
                Arguments.of("report", ",\"seq\":5", "reason"),
                Arguments.of("mute", ",\"user\":\"u2\"", "reason"),
                Arguments.of("remove", ",\"user\":\"u2\"", "reason"),
                Arguments.of("ban", ",\"user\":\"u2\"", "reason"),
                Arguments.of("warn", ",\"user\":\"u2\"", "text"));
    }

    private static String withText(String type, String rest, String field, String value) {
        return frame(type, ",\"room\":\"anx\"" + rest + ",\"" + field + "\":\"" + value + "\"");
    }

    @ParameterizedTest(name = "{0}.{2}")
    @MethodSource("reasonFields")
    void decodeClient_reasonLongerThan500Chars_isBadRequestWithId(String type, String rest, String field) {
        assertBadRequest(withText(type, rest, field, "r".repeat(Fields.MAX_REASON_CHARS + 1)), field);
        assertBadRequest(withText(type, rest, field, "😊".repeat(Fields.MAX_REASON_CHARS + 1)), field);
    }

    @ParameterizedTest(name = "{0}.{2}")
    @MethodSource("reasonFields")
    void decodeClient_reasonOf500Chars_isAccepted(String type, String rest, String field) throws Exception {
        assertThat(CODEC.decodeClient(withText(type, rest, field, "r".repeat(Fields.MAX_REASON_CHARS))))
                .isInstanceOf(RoomRequest.class);
    }

    /** The limit counts characters as people do: an emoji outside the BMP is one, not two UTF-16 units. */
    @ParameterizedTest(name = "{0}.{2}")
    @MethodSource("reasonFields")
    void decodeClient_reasonOf500AstralChars_isAccepted(String type, String rest, String field) throws Exception {
        assertThat(CODEC.decodeClient(withText(type, rest, field, "😊".repeat(Fields.MAX_REASON_CHARS))))
                .isInstanceOf(RoomRequest.class);
    }

    @ParameterizedTest(name = "{0}.{2}")
    @MethodSource("reasonFields")
    void decodeClient_mistypedReason_isBadRequestWithId(String type, String rest, String field) {
        assertBadRequest(frame(type, ",\"room\":\"anx\"" + rest + ",\"" + field + "\":5"), field);
        assertBadRequest(frame(type, ",\"room\":\"anx\"" + rest + ",\"" + field + "\":[\"x\"]"), field);
    }

    /**
     * {@link Fields#optionalReason} turns a blank reason into "no reason" (null). The records must
     * keep that normalized value, or a notice or alert carries an empty-looking reason.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"report", "mute", "remove", "ban"})
    void decodeClient_blankReason_isNoReason(String type) throws Exception {
        String rest = "report".equals(type) ? ",\"seq\":5" : ",\"user\":\"u2\"";
        ClientMessage decoded = CODEC.decodeClient(withText(type, rest, "reason", "   "));
        assertThat(decoded.getClass().getMethod("reason").invoke(decoded)).as(type).isNull();
    }

    // ------------------------------------------------------------------ audit

    @ParameterizedTest
    @ValueSource(strings = {"0", "501", "-1", "2147483648", "1.5", "10.0", "\"10\"", "true", "[10]"})
    void decodeClient_auditLimitOutOfRangeOrMistyped_isBadRequestWithId(String limit) {
        assertBadRequest(frame("audit", ",\"room\":\"anx\",\"limit\":" + limit), "limit");
    }

    @Test
    void decodeClient_auditLimitAtBounds_isAccepted() throws Exception {
        assertThat(CODEC.decodeClient(frame("audit", ",\"room\":\"anx\",\"limit\":1")))
                .isEqualTo(new Audit("a", "anx", 1));
        assertThat(CODEC.decodeClient(frame("audit", ",\"room\":\"anx\",\"limit\":500")))
                .isEqualTo(new Audit("a", "anx", Audit.MAX_LIMIT));
    }
}
