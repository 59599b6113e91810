package dev.haven.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.haven.protocol.model.AlertKind;
import dev.haven.protocol.model.CwLabel;
import dev.haven.protocol.model.NoticeKind;
import dev.haven.protocol.model.PresenceKind;
import dev.haven.protocol.model.Role;
import dev.haven.protocol.model.RoomCategory;
import dev.haven.protocol.model.RoomState;
import dev.haven.protocol.server.Alert;
import dev.haven.protocol.server.JoinResult;
import dev.haven.protocol.server.MessageEvent;
import dev.haven.protocol.server.Notice;
import dev.haven.protocol.server.Ok;
import dev.haven.protocol.server.PresenceEvent;
import dev.haven.protocol.server.ServerMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Servers may add enumeration values; clients read them as UNKNOWN, the server still refuses them. */
class UnknownEnumValueTest {
    private static final ProtocolCodec CODEC = new ProtocolCodec();
    private static final String MESSAGE_FROM_A_NEW_ROLE = "{\"type\":\"message\",\"room\":\"lounge\",\"seq\":7,"
            + "\"from\":{\"id\":\"u1\",\"name\":\"Kim\",\"role\":\"peer_supporter\"},\"text\":\"hi\",\"ts\":1}";

    private static ServerMessage decodeEvent(String json) throws ProtocolException {
        return CODEC.decodeServer(json, id -> null);
    }

    @Test
    void messageFromAnUnknownRole_decodesWithRoleUnknown() throws ProtocolException {
        MessageEvent message = (MessageEvent) decodeEvent(MESSAGE_FROM_A_NEW_ROLE);

        assertThat(message.from().role()).isEqualTo(Role.UNKNOWN);
        assertThat(message.from().role().isStaff()).isFalse();
        assertThat(message.seq()).isEqualTo(7);
    }

    @Test
    void joinReply_whoseHistoryHoldsAnUnknownRoleAndRoomState_isReadWhole() throws ProtocolException {
        String reply = "{\"type\":\"ok\",\"id\":\"3\",\"room\":{\"id\":\"lounge\",\"name\":\"Lounge\",\"topic\":\"t\","
                + "\"category\":\"peer_led\",\"members\":1,\"capacity\":20,\"locked\":false,\"admission\":\"open\","
                + "\"slowModeSeconds\":0,\"moderated\":false,\"state\":\"intermission\"},"
                + "\"members\":[],\"history\":[" + MESSAGE_FROM_A_NEW_ROLE + "],\"seq\":7,\"gap\":false}";

        JoinResult joined = (JoinResult) ((Ok) CODEC.decodeServer(reply,
                id -> "3".equals(id) ? JoinResult.class : null)).result();

        assertThat(joined.history()).singleElement().satisfies(m -> assertThat(m.from().role()).isEqualTo(Role.UNKNOWN));
        assertThat(joined.room().state()).isEqualTo(RoomState.UNKNOWN);
        assertThat(joined.room().category()).isEqualTo(RoomCategory.UNKNOWN);
    }

    @Test
    void unknownNoticeKind_decodesToUnknown_keepingTheRestOfTheNotice() throws ProtocolException {
        Notice notice = (Notice) decodeEvent("{\"type\":\"notice\",\"room\":\"lounge\",\"kind\":\"paused\",\"reason\":\"r\"}");

        assertThat(notice.kind()).isEqualTo(NoticeKind.UNKNOWN);
        assertThat(notice.room()).isEqualTo("lounge");
    }

    @Test
    void unknownAlertAndPresenceKinds_decodeToUnknown() throws ProtocolException {
        Alert alert = (Alert) decodeEvent("{\"type\":\"alert\",\"room\":\"lounge\",\"kind\":\"long_silence\",\"ts\":1}");
        PresenceEvent presence = (PresenceEvent) decodeEvent("{\"type\":\"presence\",\"room\":\"lounge\","
                + "\"event\":\"away\",\"member\":{\"id\":\"u2\",\"name\":\"Lee\",\"role\":\"member\",\"voice\":false}}");

        assertThat(alert.kind()).isEqualTo(AlertKind.UNKNOWN);
        assertThat(presence.event()).isEqualTo(PresenceKind.UNKNOWN);
    }

    @Test
    void theWordUnknownItself_isNotAWireName_evenFromAServer() throws ProtocolException {
        Notice notice = (Notice) decodeEvent("{\"type\":\"notice\",\"room\":\"lounge\",\"kind\":\"unknown\"}");

        assertThat(notice.kind()).isEqualTo(NoticeKind.UNKNOWN);
        assertThatThrownBy(() -> RoomState.fromWire("unknown")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Role.fromWire("unknown")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnknownValueOfTheWrongJsonType_isStillRefused() {
        ProtocolException e = catchThrowableOfType(ProtocolException.class,
                () -> decodeEvent("{\"type\":\"notice\",\"room\":\"lounge\",\"kind\":3}"));

        assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\":\"send\",\"id\":\"1\",\"room\":\"lounge\",\"text\":\"hi\",\"cw\":{\"label\":\"new_label\"}}",
        "{\"type\":\"send\",\"id\":\"1\",\"room\":\"lounge\",\"text\":\"hi\",\"cw\":{\"label\":\"unknown\"}}",
        "{\"type\":\"set_room\",\"id\":\"1\",\"room\":\"lounge\",\"admission\":\"invite_only\"}",
        "{\"type\":\"set_room\",\"id\":\"1\",\"room\":\"lounge\",\"admission\":\"unknown\"}",
        "{\"type\":\"ack_alert\",\"id\":\"1\",\"room\":\"lounge\",\"alertId\":\"a1\",\"action\":\"escalate\"}",
        "{\"type\":\"ack_alert\",\"id\":\"1\",\"room\":\"lounge\",\"alertId\":\"a1\",\"action\":\"unknown\"}"})
    void theSameUnknownValueInARequest_isStillABadRequest(String request) {
        ProtocolException e = catchThrowableOfType(ProtocolException.class, () -> CODEC.decodeClient(request));

        assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(e.requestId()).isEqualTo("1");
    }

    @Test
    void unknown_cannotBeEncoded() {
        Notice notice = (Notice) assertDecodes("{\"type\":\"notice\",\"room\":\"lounge\",\"kind\":\"paused\"}");
        MessageEvent message = (MessageEvent) assertDecodes(MESSAGE_FROM_A_NEW_ROLE);

        assertThatThrownBy(() -> CODEC.encode(notice)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> CODEC.encode(message)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(Role.UNKNOWN::wireName).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(CwLabel.UNKNOWN::wireName).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> WireNames.of(RoomState.UNKNOWN)).isInstanceOf(IllegalStateException.class);
    }

    private static ServerMessage assertDecodes(String json) {
        try {
            return decodeEvent(json);
        } catch (ProtocolException e) {
            throw new AssertionError(e);
        }
    }
}
