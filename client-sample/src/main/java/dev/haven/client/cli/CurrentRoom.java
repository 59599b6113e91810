package dev.haven.client.cli;

import dev.haven.protocol.model.MemberInfo;
import dev.haven.protocol.model.RoomInfo;
import dev.haven.protocol.server.JoinResult;
import dev.haven.protocol.server.MessageEvent;
import dev.haven.protocol.server.MoodPollEvent;
import dev.haven.protocol.server.PresenceEvent;
import dev.haven.protocol.server.RoundEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The room the chat is in: its settings, its presence list, kept from the join reply and the
 * presence events after it, the last message shown, the names of members who left (to read
 * the audit log and to unban by name), the round and mood check-in going on, the text of
 * content-warned messages until opened, and, for facilitators, the members waiting to be
 * admitted. Used by the session's thread alone.
 */
final class CurrentRoom {
    /** How many names of members who left are kept. */
    static final int MAX_DEPARTED = 256;
    /** How many content-warned messages can be opened with {@code /show}. */
    static final int MAX_WARNED = 256;

    private final String id;
    private RoomInfo info;
    private final Map<String, MemberInfo> members = new LinkedHashMap<>();
    private final Map<String, String> departed = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX_DEPARTED;
        }
    };
    private final Map<String, String> waiting = new LinkedHashMap<>();
    /** The text of messages under a content warning, shown only on {@code /show SEQ}; the newest kept. */
    private final Map<Long, String> warned = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
            return size() > MAX_WARNED;
        }
    };
    private long lastSeq;
    /** The round as last heard, or null when none runs. */
    RoundEvent round;
    /** The mood check-in open now, or null. */
    MoodPollEvent poll;

    CurrentRoom(String requestedId, JoinResult joined) {
        this.id = joined.room() == null || joined.room().id() == null ? requestedId : joined.room().id();
        this.info = joined.room();
        for (MemberInfo member : joined.members() == null ? List.<MemberInfo>of() : joined.members()) {
            members.put(member.id(), member);
        }
        lastSeq = joined.seq() == null ? 0 : joined.seq();
        for (MessageEvent message : history(joined)) {
            lastSeq = Math.max(lastSeq, message.seq());
            keepWarned(message);
        }
        round = joined.round();
        poll = joined.moodPoll();
    }

    /** Keeps the text of a message under a content warning for {@code /show}. */
    void keepWarned(MessageEvent message) {
        if (message.cw() != null) {
            warned.put(message.seq(), message.text());
        }
    }

    /** The text of a content-warned message, or null when there is none with that seq. */
    String warned(long seq) {
        return warned.get(seq);
    }

    /** The held messages of a join reply; empty when it has none. */
    static List<MessageEvent> history(JoinResult joined) {
        return joined.history() == null ? List.of() : joined.history();
    }

    String id() {
        return id;
    }

    String name() {
        return info == null || info.name() == null ? id : info.name();
    }

    /** The room's settings as last heard, or null when the join reply had none. */
    RoomInfo info() {
        return info;
    }

    /** @return the settings before, or null when the update is about another room */
    RoomInfo update(RoomInfo updated) {
        if (updated == null || !id.equals(updated.id())) {
            return null;
        }
        RoomInfo before = info;
        info = updated;
        return before == null ? updated : before;
    }

    /**
     * The room was rejoined on a new connection: its settings and who is here are as the reply
     * says; the members waiting to be admitted are told again by alerts. After a server restart
     * seq numbers start again, so the next message shown is any message.
     */
    void rejoined(JoinResult reply, boolean restarted) {
        if (reply.room() != null) {
            info = reply.room();
        }
        members.clear();
        for (MemberInfo member : reply.members() == null ? List.<MemberInfo>of() : reply.members()) {
            members.put(member.id(), member);
        }
        waiting.clear();
        if (restarted) {
            lastSeq = 0;
        }
        // The round and check-in as they stand now: whatever changed while away is in the reply.
        round = reply.round();
        poll = reply.moodPoll();
    }

    /** The seq of the last message shown. */
    long lastSeq() {
        return lastSeq;
    }

    /** @return true for a message of this room not shown yet (its seq is past the last one shown) */
    boolean accept(MessageEvent message) {
        if (!id.equals(message.room()) || message.seq() <= lastSeq) {
            return false;
        }
        lastSeq = message.seq();
        keepWarned(message);
        return true;
    }

    /** @return true when the event is about this room */
    boolean apply(PresenceEvent presence) {
        if (!id.equals(presence.room()) || presence.member() == null || presence.event() == null) {
            return false;
        }
        MemberInfo member = presence.member();
        switch (presence.event()) {
            case JOIN, UPDATE -> {
                members.put(member.id(), member);
                departed.remove(member.id());
                waiting.remove(member.id());
            }
            case LEAVE -> {
                members.remove(member.id());
                departed.put(member.id(), member.name());
            }
        }
        return true;
    }

    /** Who is here, in the order they came. */
    List<MemberInfo> members() {
        return new ArrayList<>(members.values());
    }

    /** A member present now, or null. */
    MemberInfo member(String userId) {
        return members.get(userId);
    }

    /** Members whose hands are up, first raised first. */
    List<MemberInfo> raisedHands() {
        return members.values().stream()
                .filter(m -> m.handRaised() != null)
                .sorted(Comparator.comparingLong(MemberInfo::handRaised))
                .toList();
    }

    /** Members who left while the chat was here: user id to name, oldest first. */
    Map<String, String> departed() {
        return new LinkedHashMap<>(departed);
    }

    /** A member asked to join and waits for a facilitator (from an {@code alert waiting}). */
    void waiting(String userId, String name) {
        if (userId != null && !members.containsKey(userId)) {
            waiting.put(userId, name == null ? userId : name);
        }
    }

    /** The member was admitted or denied, or no longer waits. */
    void doneWaiting(String userId) {
        waiting.remove(userId);
    }

    /** Members waiting to be admitted, user id to name, in the order they asked. */
    Map<String, String> waiting() {
        return new LinkedHashMap<>(waiting);
    }

    /** The name of someone present, waiting, or who left; null for an id never seen here. */
    String nameOf(String userId) {
        if (userId == null) {
            return null;
        }
        MemberInfo member = members.get(userId);
        if (member != null) {
            return member.name();
        }
        String name = departed.get(userId);
        return name != null ? name : waiting.get(userId);
    }
}
