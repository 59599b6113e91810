package dev.haven.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import dev.haven.protocol.client.AckAlert;
import dev.haven.protocol.client.Admit;
import dev.haven.protocol.client.Audit;
import dev.haven.protocol.client.CloseSession;
import dev.haven.protocol.client.Mood;
import dev.haven.protocol.client.MoodPoll;
import dev.haven.protocol.client.OpenSession;
import dev.haven.protocol.client.Pass;
import dev.haven.protocol.client.ListSanctions;
import dev.haven.protocol.client.RoundEnd;
import dev.haven.protocol.client.RoundStart;
import dev.haven.protocol.client.SessionRequest;
import dev.haven.protocol.client.TurnDone;
import dev.haven.protocol.client.TurnExtend;
import dev.haven.protocol.client.TurnNext;
import dev.haven.protocol.client.Ban;
import dev.haven.protocol.client.CareRequest;
import dev.haven.protocol.client.CheckinClose;
import dev.haven.protocol.client.CheckinHistory;
import dev.haven.protocol.client.CheckinOpen;
import dev.haven.protocol.client.CheckinRequest;
import dev.haven.protocol.client.CheckinSend;
import dev.haven.protocol.client.ListCheckins;
import dev.haven.protocol.client.ClientMessage;
import dev.haven.protocol.client.Delete;
import dev.haven.protocol.client.Deny;
import dev.haven.protocol.client.Hello;
import dev.haven.protocol.client.Join;
import dev.haven.protocol.client.Leave;
import dev.haven.protocol.client.ListResources;
import dev.haven.protocol.client.ListRooms;
import dev.haven.protocol.client.LowerHand;
import dev.haven.protocol.client.Mute;
import dev.haven.protocol.client.Ping;
import dev.haven.protocol.client.RaiseHand;
import dev.haven.protocol.client.Remove;
import dev.haven.protocol.client.Report;
import dev.haven.protocol.client.RequestFacilitator;
import dev.haven.protocol.client.RoomRequest;
import dev.haven.protocol.client.Send;
import dev.haven.protocol.client.SetRoom;
import dev.haven.protocol.client.ShareResource;
import dev.haven.protocol.client.Stats;
import dev.haven.protocol.client.Unban;
import dev.haven.protocol.client.Unmute;
import dev.haven.protocol.client.Voice;
import dev.haven.protocol.client.Warn;
import dev.haven.protocol.model.AlertKind;
import dev.haven.protocol.model.NoticeKind;
import dev.haven.protocol.server.Alert;
import dev.haven.protocol.server.CheckinEvent;
import dev.haven.protocol.server.CheckinMessage;
import dev.haven.protocol.server.ErrorReply;
import dev.haven.protocol.server.HeldMessage;
import dev.haven.protocol.server.MessageDeleted;
import dev.haven.protocol.server.MessageEvent;
import dev.haven.protocol.server.MoodPollEvent;
import dev.haven.protocol.server.MoodSummary;
import dev.haven.protocol.server.Notice;
import dev.haven.protocol.server.Ok;
import dev.haven.protocol.server.PresenceEvent;
import dev.haven.protocol.server.ResourceEvent;
import dev.haven.protocol.server.Result;
import dev.haven.protocol.server.RoomUpdated;
import dev.haven.protocol.server.RoundEvent;
import dev.haven.protocol.server.ServerMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubtypeRegistrationTest {

    private static List<Class<?>> listed(Class<?> sealedType) {
        return Arrays.stream(sealedType.getAnnotation(JsonSubTypes.class).value())
                .<Class<?>>map(JsonSubTypes.Type::value)
                .toList();
    }

    @ParameterizedTest
    @ValueSource(classes = {ClientMessage.class, ServerMessage.class})
    void jsonSubTypes_everyListedTypeIsAConcretePermittedRecord(Class<?> sealedType) {
        assertThat(listed(sealedType)).doesNotHaveDuplicates()
                .isSubsetOf(Samples.concreteSubtypes(sealedType));
    }

    @ParameterizedTest
    @ValueSource(classes = {ClientMessage.class, ServerMessage.class})
    void concreteSubtypes_everyOneIsListedInJsonSubTypes(Class<?> sealedType) {
        assertThat(Samples.concreteSubtypes(sealedType)).doesNotHaveDuplicates()
                .isSubsetOf(listed(sealedType));
    }

    @ParameterizedTest
    @ValueSource(classes = {ClientMessage.class, ServerMessage.class})
    void jsonSubTypes_wireNamesAreUnique(Class<?> sealedType) {
        assertThat(Arrays.stream(sealedType.getAnnotation(JsonSubTypes.class).value()).map(JsonSubTypes.Type::name))
                .doesNotHaveDuplicates()
                .allSatisfy(name -> assertThat(name).isNotBlank());
    }

    /** The nested interfaces themselves must not be listed: Jackson cannot build an interface. */
    @ParameterizedTest
    @ValueSource(classes = {ClientMessage.class, ServerMessage.class})
    void jsonSubTypes_listNoInterface(Class<?> sealedType) {
        assertThat(listed(sealedType)).noneMatch(Class::isInterface);
    }

    @Test
    void concreteSubtypes_ofClientMessage_reachRoomRequestsThroughTheNestedInterface() {
        assertThat(ClientMessage.class.getPermittedSubclasses()).contains(RoomRequest.class);
        assertThat(RoomRequest.class.getPermittedSubclasses()).containsExactlyInAnyOrder(
                RaiseHand.class, LowerHand.class, Report.class, Mute.class, Unmute.class, Remove.class, Ban.class,
                Unban.class, Delete.class, SetRoom.class, Voice.class, Admit.class, Deny.class, Warn.class,
                Stats.class, Audit.class, CareRequest.class, SessionRequest.class, ListSanctions.class);
        assertThat(CareRequest.class.getPermittedSubclasses()).containsExactlyInAnyOrder(
                RequestFacilitator.class, AckAlert.class, ListResources.class, ShareResource.class);
        assertThat(SessionRequest.class.getPermittedSubclasses()).containsExactlyInAnyOrder(
                OpenSession.class, CloseSession.class, RoundStart.class, TurnDone.class, Pass.class, TurnExtend.class,
                RoundEnd.class, MoodPoll.class, Mood.class, TurnNext.class);
        assertThat(ClientMessage.class.getPermittedSubclasses()).contains(CheckinRequest.class);
        assertThat(CheckinRequest.class.getPermittedSubclasses()).containsExactlyInAnyOrder(
                CheckinOpen.class, CheckinSend.class, CheckinHistory.class, ListCheckins.class, CheckinClose.class);
        assertThat(Samples.concreteSubtypes(ClientMessage.class))
                .containsAll(Samples.concreteSubtypes(RoomRequest.class))
                .contains(CheckinRequest.class.getPermittedSubclasses())
                .contains(CareRequest.class.getPermittedSubclasses())
                .contains(SessionRequest.class.getPermittedSubclasses())
                .doesNotContain(RoomRequest.class, CareRequest.class, SessionRequest.class, CheckinRequest.class);
    }

    @Test
    void typeNames_ofClientMessage_areTheContractNames() {
        assertThat(ProtocolCodec.typeNames(ClientMessage.class)).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("hello", Hello.class),
                Map.entry("ping", Ping.class),
                Map.entry("rooms", ListRooms.class),
                Map.entry("join", Join.class),
                Map.entry("leave", Leave.class),
                Map.entry("send", Send.class),
                Map.entry("raise_hand", RaiseHand.class),
                Map.entry("lower_hand", LowerHand.class),
                Map.entry("report", Report.class),
                Map.entry("mute", Mute.class),
                Map.entry("unmute", Unmute.class),
                Map.entry("remove", Remove.class),
                Map.entry("ban", Ban.class),
                Map.entry("unban", Unban.class),
                Map.entry("delete", Delete.class),
                Map.entry("set_room", SetRoom.class),
                Map.entry("voice", Voice.class),
                Map.entry("admit", Admit.class),
                Map.entry("deny", Deny.class),
                Map.entry("warn", Warn.class),
                Map.entry("stats", Stats.class),
                Map.entry("audit", Audit.class),
                Map.entry("request_facilitator", RequestFacilitator.class),
                Map.entry("ack_alert", AckAlert.class),
                Map.entry("resources", ListResources.class),
                Map.entry("share_resource", ShareResource.class),
                Map.entry("open_session", OpenSession.class),
                Map.entry("close_session", CloseSession.class),
                Map.entry("round_start", RoundStart.class),
                Map.entry("turn_done", TurnDone.class),
                Map.entry("pass", Pass.class),
                Map.entry("turn_extend", TurnExtend.class),
                Map.entry("round_end", RoundEnd.class),
                Map.entry("mood_poll", MoodPoll.class),
                Map.entry("mood", Mood.class),
                Map.entry("checkin_open", CheckinOpen.class),
                Map.entry("checkin_send", CheckinSend.class),
                Map.entry("checkin_history", CheckinHistory.class),
                Map.entry("checkins", ListCheckins.class),
                Map.entry("checkin_close", CheckinClose.class),
                Map.entry("duty", dev.haven.protocol.client.SetDuty.class),
                Map.entry("duty_roster", dev.haven.protocol.client.DutyRoster.class),
                Map.entry("sanctions", ListSanctions.class),
                Map.entry("turn_next", TurnNext.class)));
    }

    @Test
    void typeNames_ofServerMessage_areTheContractNames() {
        assertThat(ProtocolCodec.typeNames(ServerMessage.class)).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("resource", ResourceEvent.class),
                Map.entry("held_message", HeldMessage.class),
                Map.entry("ok", Ok.class),
                Map.entry("error", ErrorReply.class),
                Map.entry("message", MessageEvent.class),
                Map.entry("presence", PresenceEvent.class),
                Map.entry("message_deleted", MessageDeleted.class),
                Map.entry("room_updated", RoomUpdated.class),
                Map.entry("notice", Notice.class),
                Map.entry("alert", Alert.class),
                Map.entry("round", RoundEvent.class),
                Map.entry("mood_poll", MoodPollEvent.class),
                Map.entry("mood_summary", MoodSummary.class),
                Map.entry("checkin", CheckinEvent.class),
                Map.entry("checkin_message", CheckinMessage.class),
                Map.entry("announcement", dev.haven.protocol.server.Announcement.class)));
    }

    @Test
    void noticeKind_wireNames_areTheContractKinds() {
        assertThat(Stream.of(NoticeKind.values()).filter(k -> k != NoticeKind.UNKNOWN).map(NoticeKind::wireName)).containsExactlyInAnyOrder(
                "muted", "unmuted", "removed", "banned", "warning", "voice", "admitted", "denied", "support",
                "unfacilitated", "session_closing", "session_closed", "turn_warning", "reaching_out",
                "session_scheduled", "room_archived");
    }

    @Test
    void alertKind_wireNames_areTheContractKinds() {
        assertThat(Stream.of(AlertKind.values()).filter(k -> k != AlertKind.UNKNOWN).map(AlertKind::wireName))
                .containsExactlyInAnyOrder("report", "hand_raised", "waiting", "crisis", "crisis_update",
                        "request_facilitator", "request_facilitator_update", "unfacilitated", "mood_shared");
    }

    @Test
    void permittedSubclasses_ofResult_areAllRecords() {
        assertThat(Result.class.getPermittedSubclasses())
                .isNotEmpty()
                .allSatisfy(type -> assertThat(type.isRecord()).as(type.getName()).isTrue());
    }

    @ParameterizedTest
    @ValueSource(classes = {ClientMessage.class, ServerMessage.class})
    void concreteSubtypes_ofMessages_areAllRecords(Class<?> sealedType) {
        assertThat(Samples.concreteSubtypes(sealedType))
                .isNotEmpty()
                .allSatisfy(type -> assertThat(type.isRecord()).as(type.getName()).isTrue());
    }

    /** Anything permitted that is not a record must be a sealed interface, so the flattening above sees all. */
    @ParameterizedTest
    @ValueSource(classes = {ClientMessage.class, ServerMessage.class})
    void permittedSubclasses_ofMessages_areRecordsOrSealedInterfaces(Class<?> sealedType) {
        assertThat(sealedType.getPermittedSubclasses()).allSatisfy(type -> assertThat(
                type.isRecord() || (type.isInterface() && type.isSealed())).as(type.getName()).isTrue());
    }
}
