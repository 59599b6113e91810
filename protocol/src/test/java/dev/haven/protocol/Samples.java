package dev.haven.protocol;

import dev.haven.protocol.client.ClientMessage;
import dev.haven.protocol.client.Hello;
import dev.haven.protocol.client.Join;
import dev.haven.protocol.client.Leave;
import dev.haven.protocol.client.ListRooms;
import dev.haven.protocol.client.Ping;
import dev.haven.protocol.client.Send;
import dev.haven.protocol.model.Admission;
import dev.haven.protocol.model.MemberInfo;
import dev.haven.protocol.model.PresenceKind;
import dev.haven.protocol.model.Role;
import dev.haven.protocol.model.RoomCategory;
import dev.haven.protocol.model.RoomInfo;
import dev.haven.protocol.model.UserInfo;
import dev.haven.protocol.server.EmptyResult;
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

/** Representative frames of every type, shared by the tests. */
final class Samples {
    static final UserInfo RIVER = new UserInfo("u1", "River", Role.FACILITATOR);
    static final UserInfo SKY = new UserInfo("u2", "Sky", Role.MEMBER);
    static final RoomInfo ANXIETY = new RoomInfo("anx", "Anxiety", RoomCategory.CONDITION, "Evening group",
            List.of("anxiety", "evening"), 3, 20, false, Admission.OPEN, "Be kind.");
    static final RoomInfo VETERANS = new RoomInfo("vet", "Veterans", RoomCategory.DEMOGRAPHIC, "Drop in",
            List.of(), 0, 12, true, Admission.APPROVAL, null);
    static final MemberInfo SKY_PLAIN = new MemberInfo("u2", "Sky", Role.MEMBER, false, null, null);
    static final MemberInfo SKY_MUTED = new MemberInfo("u2", "Sky", Role.MEMBER, true, 1_700_000_000_123L, true);
    static final MessageEvent MESSAGE = new MessageEvent("anx", 5, RIVER, "Welcome \"all\" ✓ 😊\n", 1_700_000_000_000L, null);
    static final MessageEvent MESSAGE_WITH_CLIENT_ID = new MessageEvent("anx", 6, SKY, "hi", 1_700_000_000_500L, "c-1");

    private Samples() {
    }

    static List<ClientMessage> clientFrames() {
        return List.of(
                new Hello("1", "eyJhbGciOi.eyJzdWIi.sig", null),
                new Hello("2", null, "River"),
                Hello.guest("Sky"),
                new Ping("3"),
                new Ping(null),
                new ListRooms("4", RoomCategory.GENERAL, "drop-in", "evening"),
                ListRooms.all(),
                new Join("5", "anx", 41L, true),
                new Join("6", "anx", 0L, false),
                Join.room("vet"),
                new Join(null, "vet", null, null),
                new Leave("7", "anx"),
                new Send("8", "anx", "Hello \"there\" ✓ 😊\n\t<b>", "c-1"),
                Send.text("anx", "hi"));
    }

    static List<ServerMessage> serverFrames() {
        return List.of(
                Ok.empty("1"),
                new Ok("2", new HelloResult(RIVER, 30)),
                new Ok("3", new RoomsResult(List.of(ANXIETY, VETERANS))),
                new Ok("4", new RoomsResult(List.of())),
                new Ok("5", new JoinResult(ANXIETY, List.of(SKY_PLAIN, SKY_MUTED),
                        List.of(MESSAGE, MESSAGE_WITH_CLIENT_ID), 6, true)),
                new Ok("6", new JoinResult(VETERANS, List.of(), List.of(), 0, false)),
                new Ok("7", new SendResult(42)),
                new Ok("8", EmptyResult.INSTANCE),
                ErrorReply.of("9", ErrorCode.BAD_REQUEST, "field 'room' is required"),
                new ErrorReply("10", ErrorCode.SLOW_MODE, "slow mode", 1500L),
                ErrorReply.of(null, ErrorCode.UNAUTHENTICATED, "say hello first"),
                MESSAGE,
                MESSAGE_WITH_CLIENT_ID,
                new PresenceEvent("anx", PresenceKind.JOIN, SKY_PLAIN),
                new PresenceEvent("anx", PresenceKind.LEAVE, SKY_PLAIN),
                new PresenceEvent("anx", PresenceKind.UPDATE, SKY_MUTED));
    }
}
