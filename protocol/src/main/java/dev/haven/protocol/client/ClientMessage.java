package dev.haven.protocol.client;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Every frame a client may send. The list of subtypes is checked against the permitted ones by a test. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Hello.class, name = "hello"),
    @JsonSubTypes.Type(value = Ping.class, name = "ping"),
    @JsonSubTypes.Type(value = ListRooms.class, name = "rooms"),
    @JsonSubTypes.Type(value = Join.class, name = "join"),
    @JsonSubTypes.Type(value = Leave.class, name = "leave"),
    @JsonSubTypes.Type(value = Send.class, name = "send"),
    @JsonSubTypes.Type(value = RaiseHand.class, name = "raise_hand"),
    @JsonSubTypes.Type(value = LowerHand.class, name = "lower_hand"),
    @JsonSubTypes.Type(value = Report.class, name = "report"),
    @JsonSubTypes.Type(value = Mute.class, name = "mute"),
    @JsonSubTypes.Type(value = Unmute.class, name = "unmute"),
    @JsonSubTypes.Type(value = Remove.class, name = "remove"),
    @JsonSubTypes.Type(value = Ban.class, name = "ban"),
    @JsonSubTypes.Type(value = Unban.class, name = "unban"),
    @JsonSubTypes.Type(value = Delete.class, name = "delete"),
    @JsonSubTypes.Type(value = SetRoom.class, name = "set_room"),
    @JsonSubTypes.Type(value = Voice.class, name = "voice"),
    @JsonSubTypes.Type(value = Admit.class, name = "admit"),
    @JsonSubTypes.Type(value = Deny.class, name = "deny"),
    @JsonSubTypes.Type(value = Warn.class, name = "warn"),
    @JsonSubTypes.Type(value = Stats.class, name = "stats"),
    @JsonSubTypes.Type(value = Audit.class, name = "audit"),
    @JsonSubTypes.Type(value = RequestFacilitator.class, name = "request_facilitator"),
    @JsonSubTypes.Type(value = AckAlert.class, name = "ack_alert"),
    @JsonSubTypes.Type(value = ListResources.class, name = "resources"),
    @JsonSubTypes.Type(value = ShareResource.class, name = "share_resource"),
    @JsonSubTypes.Type(value = OpenSession.class, name = "open_session"),
    @JsonSubTypes.Type(value = CloseSession.class, name = "close_session"),
    @JsonSubTypes.Type(value = RoundStart.class, name = "round_start"),
    @JsonSubTypes.Type(value = TurnDone.class, name = "turn_done"),
    @JsonSubTypes.Type(value = Pass.class, name = "pass"),
    @JsonSubTypes.Type(value = TurnExtend.class, name = "turn_extend"),
    @JsonSubTypes.Type(value = RoundEnd.class, name = "round_end"),
    @JsonSubTypes.Type(value = MoodPoll.class, name = "mood_poll"),
    @JsonSubTypes.Type(value = Mood.class, name = "mood"),
    @JsonSubTypes.Type(value = CheckinOpen.class, name = "checkin_open"),
    @JsonSubTypes.Type(value = CheckinSend.class, name = "checkin_send"),
    @JsonSubTypes.Type(value = CheckinHistory.class, name = "checkin_history"),
    @JsonSubTypes.Type(value = ListCheckins.class, name = "checkins"),
    @JsonSubTypes.Type(value = CheckinClose.class, name = "checkin_close"),
    @JsonSubTypes.Type(value = SetDuty.class, name = "duty"),
    @JsonSubTypes.Type(value = DutyRoster.class, name = "duty_roster"),
    @JsonSubTypes.Type(value = ListSanctions.class, name = "sanctions"),
    @JsonSubTypes.Type(value = TurnNext.class, name = "turn_next"),
})
public sealed interface ClientMessage permits Hello, Ping, ListRooms, Join, Leave, Send, RoomRequest,
        CheckinRequest, SetDuty, DutyRoster {
    /** The client-chosen request id, or null. */
    String id();

    /** The same request with another id; clients use it to number their requests. */
    ClientMessage withId(String id);
}
