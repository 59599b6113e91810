package dev.haven.client.cli;

import dev.haven.protocol.model.MemberInfo;
import dev.haven.protocol.server.JoinResult;
import dev.haven.protocol.server.MessageEvent;
import dev.haven.protocol.server.PresenceEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The room the chat is in: its presence list, kept from the join reply and the presence
 * events after it, and the last message shown. Used by the session's thread alone.
 */
final class CurrentRoom {
    private final String id;
    private final String name;
    private final Map<String, MemberInfo> members = new LinkedHashMap<>();
    private long lastSeq;

    CurrentRoom(String requestedId, JoinResult joined) {
        this.id = joined.room() == null || joined.room().id() == null ? requestedId : joined.room().id();
        this.name = joined.room() == null || joined.room().name() == null ? id : joined.room().name();
        for (MemberInfo member : joined.members() == null ? List.<MemberInfo>of() : joined.members()) {
            members.put(member.id(), member);
        }
        lastSeq = joined.seq() == null ? 0 : joined.seq();
        for (MessageEvent message : history(joined)) {
            lastSeq = Math.max(lastSeq, message.seq());
        }
    }

    /** The held messages of a join reply; empty when it has none. */
    static List<MessageEvent> history(JoinResult joined) {
        return joined.history() == null ? List.of() : joined.history();
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    /** @return true for a message of this room not shown yet (its seq is past the last one shown) */
    boolean accept(MessageEvent message) {
        if (!id.equals(message.room()) || message.seq() <= lastSeq) {
            return false;
        }
        lastSeq = message.seq();
        return true;
    }

    /** @return true when the event is about this room */
    boolean apply(PresenceEvent presence) {
        if (!id.equals(presence.room()) || presence.member() == null || presence.event() == null) {
            return false;
        }
        switch (presence.event()) {
            case JOIN, UPDATE -> members.put(presence.member().id(), presence.member());
            case LEAVE -> members.remove(presence.member().id());
        }
        return true;
    }

    /** Who is here, in the order they came. */
    List<MemberInfo> members() {
        return new ArrayList<>(members.values());
    }
}
