package dev.haven.server.room;

import static dev.haven.server.room.Room.error;

import dev.haven.protocol.ErrorCode;
import dev.haven.protocol.client.Admit;
import dev.haven.protocol.client.Audit;
import dev.haven.protocol.client.Ban;
import dev.haven.protocol.client.CareRequest;
import dev.haven.protocol.client.Delete;
import dev.haven.protocol.client.Deny;
import dev.haven.protocol.client.ListSanctions;
import dev.haven.protocol.client.LowerHand;
import dev.haven.protocol.client.Mute;
import dev.haven.protocol.client.RaiseHand;
import dev.haven.protocol.client.Remove;
import dev.haven.protocol.client.Report;
import dev.haven.protocol.client.RoomRequest;
import dev.haven.protocol.client.SetRoom;
import dev.haven.protocol.client.Stats;
import dev.haven.protocol.client.Unban;
import dev.haven.protocol.client.Unmute;
import dev.haven.protocol.client.Voice;
import dev.haven.protocol.client.Warn;
import dev.haven.protocol.model.Admission;
import dev.haven.protocol.model.AlertKind;
import dev.haven.protocol.model.NoticeKind;
import dev.haven.protocol.model.Participation;
import dev.haven.protocol.model.PresenceKind;
import dev.haven.protocol.server.Alert;
import dev.haven.protocol.server.AuditResult;
import dev.haven.protocol.server.Notice;
import dev.haven.protocol.server.Ok;
import dev.haven.protocol.server.ServerMessage;
import dev.haven.protocol.server.StatsResult;
import dev.haven.server.delivery.Session;
import dev.haven.server.moderation.ParticipationStats;
import dev.haven.server.moderation.Permissions;
import dev.haven.server.moderation.Sanctions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Members' tools and facilitators' commands for one room, run on the room's executor. Each
 * command checks the actor's role here, inside the room's own logic: a member gets
 * {@code forbidden} and nothing changes. The member concerned hears of a step in a private
 * {@code notice}; the room sees at most a neutral presence change; facilitators get the alerts.
 */
final class RoomCommands {
    private static final Logger log = LoggerFactory.getLogger(RoomCommands.class);

    private final Room room;
    private final MessageActions messages;

    RoomCommands(Room room) {
        this.room = room;
        this.messages = new MessageActions(room);
        room.guestAddresses.onMute(this::applyMute);
    }

    ServerMessage handle(Session session, RoomRequest request) {
        Member actor = room.presence.of(session);
        if (request instanceof CareRequest care) {
            return room.care.handle(session, actor != null, session.identity().roleIn(room.id()), care);
        }
        if (actor == null) {
            return error(request.id(), ErrorCode.NOT_IN_ROOM, "join the room first");
        }
        if (request instanceof RaiseHand raise) {
            return raiseHand(actor, raise);
        } else if (request instanceof LowerHand lower) {
            return lowerHand(actor, lower);
        } else if (request instanceof Report report) {
            return messages.report(actor, report);
        } else if (request instanceof Delete delete) {
            return messages.delete(actor, delete);
        }
        if (!Permissions.mayModerate(actor.role())) {
            return error(request.id(), ErrorCode.FORBIDDEN, "only a facilitator of this room may do that");
        }
        ServerMessage reply = moderate(actor, request);
        if (reply instanceof Ok) {
            log.info("moderation room={} actor={} action={}", room.id(), actor.id(), request.getClass().getSimpleName());
        }
        return reply;
    }

    private ServerMessage moderate(Member actor, RoomRequest request) {
        if (request instanceof Mute mute) {
            return mute(actor, mute);
        } else if (request instanceof Unmute unmute) {
            return unmute(actor, unmute);
        } else if (request instanceof Remove remove) {
            return remove(actor, remove);
        } else if (request instanceof Ban ban) {
            return ban(actor, ban);
        } else if (request instanceof Unban unban) {
            return unban(actor, unban);
        } else if (request instanceof SetRoom set) {
            return setRoom(actor, set);
        } else if (request instanceof Voice voice) {
            return voice(actor, voice);
        } else if (request instanceof Admit admit) {
            return admit(actor, admit);
        } else if (request instanceof Deny deny) {
            return deny(actor, deny);
        } else if (request instanceof Warn warn) {
            return warn(actor, warn);
        } else if (request instanceof Stats stats) {
            return stats(stats);
        } else if (request instanceof ListSanctions list) {
            return new Ok(list.id(), room.sanctionRoll.list(room.sanctions, room.presence));
        } else if (request instanceof Audit audit) {
            return new Ok(audit.id(), new AuditResult(room.audit.newest(
                    audit.limit() == null ? Integer.MAX_VALUE : audit.limit())));
        }
        throw new IllegalStateException("no handler for " + request.getClass().getSimpleName());
    }

    // ---------------------------------------------------------------- members' tools

    private ServerMessage raiseHand(Member actor, RaiseHand request) {
        if (actor.handRaisedAt() == null) {
            actor.handRaisedAt(now());
            room.presence.announce(PresenceKind.UPDATE, actor);
            room.presence.toFacilitatorsExcept(actor.id(), new Alert(room.id(), AlertKind.HAND_RAISED, actor.id(),
                    actor.name(), null, null, null, now()));
        }
        return Ok.empty(request.id());
    }

    private ServerMessage lowerHand(Member actor, LowerHand request) {
        Member target = actor;
        if (request.user() != null && !request.user().equals(actor.id())) {
            if (!Permissions.mayModerate(actor.role())) {
                return error(request.id(), ErrorCode.FORBIDDEN, "only a facilitator may lower another member's hand");
            }
            target = room.presence.get(request.user());
            if (target == null) {
                return noSuchMember(request.id());
            }
            record(actor, "lower_hand", target.id(), null);
        }
        lower(target);
        return Ok.empty(request.id());
    }

    private void lower(Member member) {
        if (member.handRaisedAt() != null) {
            member.handRaisedAt(null);
            room.presence.announce(PresenceKind.UPDATE, member);
        }
    }

    // ---------------------------------------------------------------- facilitators' commands

    /**
     * Mutes a member present, or a guest that was here lately ({@link GuestAddresses}); a
     * guest's mute also holds against new guest sessions from its address.
     */
    private ServerMessage mute(Member actor, Mute request) {
        Member target = room.presence.get(request.user());
        if (target != null || !room.guestAddresses.wasRecentlyHere(request.user())) {
            ServerMessage refused = checkTarget(actor, target, request.id());
            if (refused != null) {
                return refused;
            }
        }
        long until = request.seconds() == null ? Sanctions.FOREVER : now() + request.seconds() * 1000;
        String address = room.guestAddresses.addressOf(request.user(), target, null);
        room.sanctions.mute(request.user(), until, address);
        room.sanctionRoll.noted(request.user(), target != null ? target.name() : room.audit.nameOf(request.user()));
        if (target != null) {
            applyMute(target, until, request.reason());
        } else if (request.seconds() != null) {
            endMuteAt(request.user(), until);
        }
        room.audit.record(now(), actor.id(), actor.name(), "mute", request.user(), null, request.reason(),
                untilOrNull(until));
        return Ok.empty(request.id());
    }

    /** A member present is muted until {@code until}: it hears so, facilitators see it, a timed mute ends by itself. */
    private void applyMute(Member member, long until, String reason) {
        if (until != Sanctions.FOREVER) {
            endMuteAt(member.id(), until);
        }
        Presence.tell(member, new Notice(room.id(), NoticeKind.MUTED, untilOrNull(until), reason, null));
        room.presence.announceMuteChange(member);
    }

    /** A timed mute ends at {@code until}, also one restored after a restart. */
    void endMuteAt(String userId, long until) {
        room.executor.schedule(() -> expireMute(userId, until), Duration.ofMillis(Math.max(0, until - now())));
    }

    /** A timed mute ran out: the member hears so, unless it was lifted or replaced meanwhile. */
    private void expireMute(String userId, long until) {
        Long current = room.sanctions.mutedUntilIncludingExpired(userId);
        if (current == null || current != until) {
            return;
        }
        room.sanctions.unmute(userId);
        Member member = room.presence.get(userId);
        if (member != null) {
            Presence.tell(member, Notice.of(room.id(), NoticeKind.UNMUTED));
            room.presence.announceMuteChange(member);
        }
    }

    private ServerMessage unmute(Member actor, Unmute request) {
        Member target = room.presence.get(request.user());
        if (room.sanctions.unmute(request.user()) && target != null) {
            Presence.tell(target, Notice.of(room.id(), NoticeKind.UNMUTED));
            room.presence.announceMuteChange(target);
        }
        record(actor, "unmute", request.user(), null);
        return Ok.empty(request.id());
    }

    private ServerMessage remove(Member actor, Remove request) {
        Member target = room.presence.get(request.user());
        ServerMessage refused = checkTarget(actor, target, request.id());
        if (refused != null) {
            return refused;
        }
        // Recorded while the member is still present, so the entry keeps its name.
        record(actor, "remove", target.id(), request.reason());
        // Every connection of the member leaves; other guests behind the same address stay, since
        // a removal is a step out, not a ban (the member may come back), and they may be others.
        Presence.tell(target, new Notice(room.id(), NoticeKind.REMOVED, null, request.reason(), null));
        room.removeMember(target);
        return Ok.empty(request.id());
    }

    private ServerMessage ban(Member actor, Ban request) {
        Member target = room.presence.get(request.user());
        if (target != null) {
            ServerMessage refused = checkTarget(actor, target, request.id());
            if (refused != null) {
                return refused;
            }
        } else if (request.user().equals(actor.id())) {
            return error(request.id(), ErrorCode.FORBIDDEN, "a facilitator cannot ban themself");
        }
        long until = request.seconds() == null ? Sanctions.FOREVER : now() + request.seconds() * 1000;
        WaitingRoom.Waiter waiter = room.waiting.remove(request.user());
        String address = room.guestAddresses.addressOf(request.user(), target, waiter);
        room.sanctions.ban(request.user(), until, address);
        room.sanctionRoll.noted(request.user(), target != null ? target.name()
                : waiter != null ? waiter.identity().name() : room.audit.nameOf(request.user()));
        if (request.seconds() != null) {
            room.executor.schedule(room.sanctions::purgeExpired, Duration.ofSeconds(request.seconds()));
        }
        String targetName = target != null ? target.name() : waiter != null ? waiter.identity().name() : null;
        Notice banned = new Notice(room.id(), NoticeKind.BANNED, untilOrNull(until), request.reason(), null);
        // The guests present from a banned guest's address could not join now: they leave too.
        for (Member member : withSameAddress(target, address)) {
            Presence.tell(member, banned);
            room.removeMember(member);
        }
        if (waiter != null) {
            waiter.sessions().forEach(s -> s.send(new Notice(room.id(), NoticeKind.BANNED, untilOrNull(until),
                    request.reason(), null)));
        }
        room.audit.record(now(), actor.id(), actor.name(), "ban", request.user(), targetName, request.reason(),
                untilOrNull(until));
        return Ok.empty(request.id());
    }

    /** The target, if present, then the other guests present from the guest address given. */
    private List<Member> withSameAddress(Member target, String address) {
        List<Member> members = new ArrayList<>(2);
        if (target != null) {
            members.add(target);
        }
        members.addAll(room.guestAddresses.presentFrom(address, target));
        return members;
    }

    private ServerMessage unban(Member actor, Unban request) {
        room.sanctions.unban(request.user());
        record(actor, "unban", request.user(), null);
        return Ok.empty(request.id());
    }

    private ServerMessage setRoom(Member actor, SetRoom request) {
        room.policy = room.policy.with(request.locked(), request.slowModeSeconds(), request.moderated(),
                request.admission());
        if (request.guidelines() != null) {
            // Everyone else accepts the new version before writing again.
            room.guidelines.replace(request.guidelines());
            actor.acceptGuidelines(room.guidelines.version());
        }
        room.announceSettings();
        if (request.admission() == Admission.OPEN) {
            admitEveryoneWaiting();
        }
        record(actor, "set_room", null, describe(request));
        return Ok.empty(request.id());
    }

    /**
     * Opening the door answers everyone still waiting as an admission would: they hear
     * {@code admitted} (they get no {@code room_updated}, not being in the room) and their next
     * join succeeds even if approval is switched back on meanwhile.
     */
    private void admitEveryoneWaiting() {
        for (WaitingRoom.Waiter waiter : room.waiting.removeAll()) {
            room.waiting.admit(waiter.identity().id(), now());
            waiter.sessions().forEach(s -> s.send(Notice.of(room.id(), NoticeKind.ADMITTED)));
        }
    }

    private static String describe(SetRoom request) {
        List<String> changes = new ArrayList<>(4);
        if (request.locked() != null) {
            changes.add("locked=" + request.locked());
        }
        if (request.slowModeSeconds() != null) {
            changes.add("slowModeSeconds=" + request.slowModeSeconds());
        }
        if (request.moderated() != null) {
            changes.add("moderated=" + request.moderated());
        }
        if (request.admission() != null) {
            changes.add("admission=" + request.admission().wireName());
        }
        if (request.guidelines() != null) {
            changes.add("guidelines=changed");
        }
        return String.join(" ", changes);
    }

    private ServerMessage voice(Member actor, Voice request) {
        Member target = room.presence.get(request.user());
        ServerMessage refused = checkTarget(actor, target, request.id());
        if (refused != null) {
            return refused;
        }
        target.voice(request.granted());
        if (request.granted()) {
            target.handRaisedAt(null);
        }
        room.presence.announce(PresenceKind.UPDATE, target);
        Presence.tell(target, new Notice(room.id(), NoticeKind.VOICE, null, null, request.granted()));
        record(actor, "voice", target.id(), request.granted() ? "granted" : "taken");
        return Ok.empty(request.id());
    }

    private ServerMessage admit(Member actor, Admit request) {
        WaitingRoom.Waiter waiter = room.waiting.remove(request.user());
        if (waiter == null) {
            return error(request.id(), ErrorCode.NOT_FOUND, "that member is not waiting");
        }
        room.waiting.admit(request.user(), now());
        waiter.sessions().forEach(s -> s.send(Notice.of(room.id(), NoticeKind.ADMITTED)));
        room.audit.record(now(), actor.id(), actor.name(), "admit", request.user(), waiter.identity().name(), null);
        return Ok.empty(request.id());
    }

    private ServerMessage deny(Member actor, Deny request) {
        WaitingRoom.Waiter waiter = room.waiting.remove(request.user());
        if (waiter == null) {
            return error(request.id(), ErrorCode.NOT_FOUND, "that member is not waiting");
        }
        waiter.sessions().forEach(s -> s.send(Notice.of(room.id(), NoticeKind.DENIED)));
        room.audit.record(now(), actor.id(), actor.name(), "deny", request.user(), waiter.identity().name(), null);
        return Ok.empty(request.id());
    }

    private ServerMessage warn(Member actor, Warn request) {
        Member target = room.presence.get(request.user());
        ServerMessage refused = checkTarget(actor, target, request.id());
        if (refused != null) {
            return refused;
        }
        Presence.tell(target, new Notice(room.id(), NoticeKind.WARNING, null, request.text(), null));
        // The warning's words are a private note to the member; the log keeps only that it was given.
        record(actor, "warn", target.id(), null);
        return Ok.empty(request.id());
    }

    private ServerMessage stats(Stats request) {
        List<ParticipationStats.Present> present = new ArrayList<>(room.presence.size());
        for (Member member : room.presence.all()) {
            present.add(new ParticipationStats.Present(member.id(), member.name()));
        }
        List<Participation> members = room.stats.members(present, now());
        return new Ok(request.id(), new StatsResult(room.stats.windowSeconds(), members,
                ParticipationStats.dominant(members, present.size())));
    }

    // ---------------------------------------------------------------- helpers

    /** Refuses acting on someone absent, or on a facilitator. */
    private static ServerMessage checkTarget(Member actor, Member target, String requestId) {
        if (target == null) {
            return noSuchMember(requestId);
        }
        if (!Permissions.mayActOn(actor.role(), target.role())) {
            return error(requestId, ErrorCode.FORBIDDEN, "facilitators cannot act on one another");
        }
        return null;
    }

    private static ServerMessage noSuchMember(String requestId) {
        return error(requestId, ErrorCode.NOT_FOUND, "no such member in this room");
    }

    /** An audit entry naming the actor and the target as they are called now. */
    private void record(Member actor, String action, String target, String reason) {
        room.audit.record(now(), actor.id(), actor.name(), action, target, null, reason);
    }

    private long now() {
        return room.clock.millis();
    }

    private static Long untilOrNull(long until) {
        return until == Sanctions.FOREVER ? null : until;
    }
}
