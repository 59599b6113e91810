package dev.haven.client.cli;

import dev.haven.client.ReconnectingClient;
import dev.haven.protocol.model.MemberInfo;
import dev.haven.protocol.model.RoomInfo;
import dev.haven.protocol.model.UserInfo;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the chat knows, shared by the session and its command and event handlers: the
 * client, who the user is, the room it is in, the directory, and the rooms it waits to be
 * admitted to. Used by the session's thread alone.
 */
final class ChatState {
    ReconnectingClient client;
    /** The user as the server's hello reply named it; null before. */
    UserInfo me;
    /** The room the chat is in, or null. */
    CurrentRoom room;
    List<RoomInfo> directory = List.of();
    /** Rooms that admit by approval where the user waits: room id to whether it accepted the guidelines. */
    final Map<String, Boolean> awaitingAdmission = new LinkedHashMap<>();
    /**
     * The last seq shown in rooms the chat had to step out of when it came back (they now admit
     * by approval): joining again shows only what is new. Room id to seq.
     */
    final Map<String, Long> lastShown = new HashMap<>();
    /** Crisis alerts and requests for a facilitator not closed yet, by alert id, oldest first. */
    final Map<String, OpenAlert> openAlerts = new LinkedHashMap<>();
    /** The private check-ins the user is in. */
    final ChatCheckins checkins = new ChatCheckins();

    /** An alert this facilitator or supervisor may still acknowledge, or answer with a check-in. */
    record OpenAlert(String id, String room, String member, String memberName) {
    }

    /** The room the chat is in. */
    CurrentRoom requireRoom() throws CommandException {
        if (room == null) {
            throw new CommandException("not_in_room", "you are not in a room; /join ROOM first (/rooms lists them)");
        }
        return room;
    }

    boolean isMe(String userId) {
        return me != null && me.id().equals(userId);
    }

    /** The name of a room from the directory or the current room; its id when unknown. */
    String roomName(String roomId) {
        if (room != null && room.id().equals(roomId)) {
            return room.name();
        }
        return directory.stream().filter(r -> roomId.equals(r.id()) && r.name() != null).map(RoomInfo::name)
                .findFirst().orElse(roomId);
    }

    /** The name of a user id seen in the current room, or the user's own; null when unknown. */
    String nameOf(String userId) {
        if (isMe(userId)) {
            return me.name();
        }
        return room == null ? null : room.nameOf(userId);
    }

    /** Members present now, as a command may name them. */
    static Collection<MemberResolver.Person> present(CurrentRoom room) {
        Map<String, MemberResolver.Person> people = new LinkedHashMap<>();
        for (MemberInfo member : room.members()) {
            people.put(member.id(), new MemberResolver.Person(member.id(), member.name()));
        }
        return people.values();
    }

    /** Members present now and members who left while the chat was here. */
    static Collection<MemberResolver.Person> presentOrDeparted(CurrentRoom room) {
        Map<String, MemberResolver.Person> people = new LinkedHashMap<>();
        room.departed().forEach((id, name) -> people.put(id, new MemberResolver.Person(id, name)));
        for (MemberResolver.Person person : present(room)) {
            people.put(person.id(), person);
        }
        return people.values();
    }

    /** Members waiting to be admitted, as {@code /admit} and {@code /deny} may name them. */
    static Collection<MemberResolver.Person> waiting(CurrentRoom room) {
        return room.waiting().entrySet().stream()
                .map(e -> new MemberResolver.Person(e.getKey(), e.getValue())).toList();
    }
}
