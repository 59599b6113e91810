package dev.haven.server.room;

import dev.haven.protocol.model.MemberInfo;
import dev.haven.protocol.model.PresenceKind;
import dev.haven.protocol.server.PresenceEvent;
import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.delivery.FrameEncoder;
import dev.haven.server.delivery.OutboundFrame;
import dev.haven.server.delivery.Session;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Who is in a room, and how events reach them: to everyone (encoded once), to facilitators
 * only, or to one member's connections. Mute state is private: member objects carry
 * {@code muted} only for facilitators and for the member itself. Used on the room's executor
 * alone.
 */
final class Presence {
    private final String roomId;
    private final FrameEncoder encoder;
    private final Predicate<String> isMuted;
    private final Map<String, Member> members = new LinkedHashMap<>();

    Presence(String roomId, FrameEncoder encoder, Predicate<String> isMuted) {
        this.roomId = roomId;
        this.encoder = encoder;
        this.isMuted = isMuted;
    }

    Member get(String userId) {
        return members.get(userId);
    }

    /** The member this connection joined as, or null when it has not joined. */
    Member of(Session session) {
        Member member = members.get(session.identity().id());
        return member != null && member.has(session) ? member : null;
    }

    void add(Member member) {
        members.put(member.id(), member);
    }

    void remove(Member member) {
        members.remove(member.id());
    }

    Collection<Member> all() {
        return members.values();
    }

    int size() {
        return members.size();
    }

    /** Members who are not facilitators; what a room's capacity counts. */
    int memberCount() {
        int count = 0;
        for (Member member : members.values()) {
            if (!member.isFacilitator()) {
                count++;
            }
        }
        return count;
    }

    /** The presence list as one viewer may see it. */
    List<MemberInfo> listFor(Member viewer) {
        List<MemberInfo> list = new ArrayList<>(members.size());
        for (Member member : members.values()) {
            list.add(infoFor(member, viewer));
        }
        return list;
    }

    MemberInfo infoFor(Member member, Member viewer) {
        boolean privileged = viewer != null && (viewer.isFacilitator() || viewer == member);
        return member.info(privileged ? isMuted.test(member.id()) : null);
    }

    /**
     * A presence change everyone sees; facilitators and the member itself also see its mute
     * state. Each copy is encoded only if someone connected is to receive it: a room without a
     * facilitator has no use for the privileged one, and a newcomer has no connection yet.
     */
    void announce(PresenceKind kind, Member member) {
        OutboundFrame open = null;
        OutboundFrame privileged = null;
        try {
            for (Member recipient : members.values()) {
                if (recipient.sessions().isEmpty()) {
                    continue;
                }
                OutboundFrame frame;
                if (recipient.isFacilitator() || recipient == member) {
                    if (privileged == null) {
                        privileged = encoder.encode(new PresenceEvent(roomId, kind, member.info(isMuted.test(member.id()))));
                    }
                    frame = privileged;
                } else {
                    if (open == null) {
                        open = encoder.encode(new PresenceEvent(roomId, kind, member.info(null)));
                    }
                    frame = open;
                }
                for (Session session : recipient.sessions()) {
                    session.deliver(frame);
                }
            }
        } finally {
            if (open != null) {
                open.release();
            }
            if (privileged != null) {
                privileged.release();
            }
        }
    }

    /** A change of mute state: facilitators and the member itself see it, nobody else. */
    void announceMuteChange(Member member) {
        toFacilitatorsAnd(member, new PresenceEvent(roomId, PresenceKind.UPDATE, member.info(isMuted.test(member.id()))));
    }

    /**
     * Encodes the event once and hands it to every connection in the room.
     *
     * @return how many connections received it
     */
    int broadcast(ServerMessage event) {
        return deliver(event, recipient -> true);
    }

    void toFacilitators(ServerMessage event) {
        deliver(event, Member::isFacilitator);
    }

    /**
     * To facilitators other than the one user concerned: nobody is alerted about themself.
     *
     * @return whether any facilitator received it
     */
    boolean toFacilitatorsExcept(String userId, ServerMessage event) {
        return deliver(event, recipient -> recipient.isFacilitator() && !recipient.id().equals(userId)) > 0;
    }

    private void toFacilitatorsAnd(Member member, ServerMessage event) {
        deliver(event, recipient -> recipient.isFacilitator() || recipient == member);
    }

    /** @return how many connections received it */
    private int deliver(ServerMessage event, Predicate<Member> to) {
        if (members.isEmpty()) {
            return 0;
        }
        int reached = 0;
        OutboundFrame frame = encoder.encode(event);
        try {
            for (Member recipient : members.values()) {
                if (to.test(recipient)) {
                    for (Session session : recipient.sessions()) {
                        session.deliver(frame);
                        reached++;
                    }
                }
            }
        } finally {
            frame.release();
        }
        return reached;
    }

    /** A private message to every connection of one member. */
    static void tell(Member member, ServerMessage message) {
        for (Session session : member.sessions()) {
            session.send(message);
        }
    }
}
