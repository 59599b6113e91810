package dev.haven.protocol.server;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Every frame the server may send. The list of subtypes is checked against the permitted ones by a test. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Ok.class, name = "ok"),
    @JsonSubTypes.Type(value = ErrorReply.class, name = "error"),
    @JsonSubTypes.Type(value = MessageEvent.class, name = "message"),
    @JsonSubTypes.Type(value = PresenceEvent.class, name = "presence"),
    @JsonSubTypes.Type(value = MessageDeleted.class, name = "message_deleted"),
    @JsonSubTypes.Type(value = RoomUpdated.class, name = "room_updated"),
    @JsonSubTypes.Type(value = Notice.class, name = "notice"),
    @JsonSubTypes.Type(value = Alert.class, name = "alert"),
    @JsonSubTypes.Type(value = ResourceEvent.class, name = "resource"),
    @JsonSubTypes.Type(value = HeldMessage.class, name = "held_message"),
    @JsonSubTypes.Type(value = RoundEvent.class, name = "round"),
    @JsonSubTypes.Type(value = MoodPollEvent.class, name = "mood_poll"),
    @JsonSubTypes.Type(value = MoodSummary.class, name = "mood_summary"),
    @JsonSubTypes.Type(value = CheckinEvent.class, name = "checkin"),
    @JsonSubTypes.Type(value = CheckinMessage.class, name = "checkin_message"),
    @JsonSubTypes.Type(value = Announcement.class, name = "announcement"),
})
public sealed interface ServerMessage permits Ok, ErrorReply, MessageEvent, PresenceEvent, MessageDeleted, RoomUpdated,
        Notice, Alert, ResourceEvent, HeldMessage, RoundEvent, MoodPollEvent, MoodSummary, CheckinEvent, CheckinMessage,
        Announcement {
}
