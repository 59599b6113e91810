package dev.haven.server.room;

import dev.haven.protocol.ErrorCode;
import dev.haven.protocol.client.CheckinRequest;
import dev.haven.protocol.client.Join;
import dev.haven.protocol.client.RoomRequest;
import dev.haven.protocol.client.Send;
import dev.haven.protocol.client.SessionRequest;
import dev.haven.protocol.model.Admission;
import dev.haven.protocol.model.AlertKind;
import dev.haven.protocol.model.CheckinInfo;
import dev.haven.protocol.model.NoticeKind;
import dev.haven.protocol.model.PresenceKind;
import dev.haven.protocol.model.RoomInfo;
import dev.haven.protocol.model.RoomState;
import dev.haven.protocol.server.Alert;
import dev.haven.protocol.server.ErrorReply;
import dev.haven.protocol.server.JoinResult;
import dev.haven.protocol.server.MessageEvent;
import dev.haven.protocol.server.Notice;
import dev.haven.protocol.server.Ok;
import dev.haven.protocol.server.RoomUpdated;
import dev.haven.protocol.server.SendResult;
import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.care.CareServices;
import dev.haven.server.care.RoomCare;
import dev.haven.server.care.detect.Detection;
import dev.haven.server.checkin.RoomCheckins;
import dev.haven.server.config.HavenConfig;
import dev.haven.server.config.RoomSettings;
import dev.haven.server.delivery.FrameEncoder;
import dev.haven.server.delivery.Session;
import dev.haven.server.fatal.FatalErrors;
import dev.haven.server.moderation.ParticipationStats;
import dev.haven.server.moderation.Sanctions;
import dev.haven.server.moderation.SlowMode;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One support-group room: who is present, the ordered message stream, the held history, the
 * state of facilitation (mutes, bans, hands, the floor, waiting members, the audit log), and
 * its facilitated session ({@link GroupSession}: lobby and open, rounds, mood check-ins), and
 * its private check-ins ({@link RoomCheckins}).
 *
 * <p><b>Threading.</b> Each room is bound to one executor (in the server, one of the Netty
 * worker event loops, chosen round-robin when the room is created), and its timers run there
 * too. Every public method only submits a task to that executor, and all room state is read
 * and written inside those tasks alone, so it needs no lock and every member observes one
 * order: {@code seq} is assigned and the message handed to every session within the same task.
 * Rooms share no state, so the send-to-fan-out path takes no global lock. Replies go to the
 * caller's {@code reply} callback from the room's executor, and events go to
 * {@link Session#deliver}; a session queues both in call order, so a join's reply and the
 * events after it arrive in that order, and a removed member's {@code removed} notice is the
 * last thing of the room it receives. The room's check-ins are held and run the same way, on
 * this executor: a check-in is part of its room's state, not of a server-wide registry.
 *
 * <p><b>Kept state.</b> What of the room outlives its process ({@link DurableState}: sanctions,
 * audit, settings, session, open alerts, seq; never what people said) is written through to a
 * store without the executor ever waiting for I/O: each change names its part, the parts a task
 * changed are written after it in one write, one write in flight per room, and the write's
 * completion comes back as a task here. A facilitator's command is answered {@code ok} only
 * once its change is kept, so a ban acknowledged survives a crash the next instant.
 *
 * <p>{@link #info()} may be called from any thread; it returns a snapshot kept in a volatile.
 */
public final class Room implements RoomHandle {
    private static final Logger log = LoggerFactory.getLogger(Room.class);

    /** Replaced whole by operators ({@link RoomOperations}); read from any thread for the id. */
    volatile RoomSettings settings;
    final RoomExecutor executor;
    final Clock clock;
    final FrameEncoder encoder;
    final MessageHistory history;
    final Presence presence;
    final Sanctions sanctions;
    final GuestAddresses guestAddresses;
    final RoomAudit audit;
    final ParticipationStats stats;
    final SlowMode slowMode;
    final WaitingRoom waiting = new WaitingRoom();
    final PendingReports pendingReports = new PendingReports();
    final SanctionRoll sanctionRoll = new SanctionRoll(() -> this.durable.changed(DurableState.SANCTIONS));
    final RoomCare care;
    final RoomCheckins checkins;
    final Guidelines guidelines;
    final GroupSession group;
    final RoomSchedule schedule;
    final RoomOperations operations;
    private final RoomObserver observer;
    private final int maxTextChars;
    final RoomCommands commands;
    final DurableState durable = new DurableState(this);
    private final SessionCommands sessionCommands;
    RoomPolicy policy;
    /** The last seq delivered; with a journal, messages past it may be waiting for their append ({@link DurableSend}). */
    long seq;
    /** Null on a lone server: a message is delivered in the task that accepts it. */
    private DurableSend durableSend;
    /** Operators took the room out of service; nobody joins it again. */
    boolean archived;
    private volatile RoomInfo info;

    /** A room with duty-of-care services of its own and no model, for tests and tools; a server shares one set. */
    public Room(RoomSettings settings, HavenConfig config, RoomExecutor executor, Clock clock, FrameEncoder encoder) {
        this(settings, config, executor, clock, encoder,
                CareServices.create(config.withCare(config.care().withModel(false)), clock));
    }

    public Room(RoomSettings settings, HavenConfig config, RoomExecutor executor, Clock clock, FrameEncoder encoder,
                CareServices careServices) {
        this(settings, config, executor, clock, encoder, careServices, new Random());
    }

    /**
     * @param careServices the duty of care the server's rooms share: crisis alerts, helplines, supervisors
     * @param random       shuffles the turns of rounds in random order
     */
    public Room(RoomSettings settings, HavenConfig config, RoomExecutor executor, Clock clock, FrameEncoder encoder,
                CareServices careServices, Random random) {
        this(settings, config, executor, clock, encoder, careServices, random, RoomObserver.NONE);
    }

    /** @param observer hears of every accepted message, for the server's metrics */
    public Room(RoomSettings settings, HavenConfig config, RoomExecutor executor, Clock clock, FrameEncoder encoder,
                CareServices careServices, Random random, RoomObserver observer) {
        this.settings = settings;
        this.observer = observer;
        this.executor = executor;
        this.clock = clock;
        this.encoder = encoder;
        this.maxTextChars = config.limits().maxTextChars();
        this.history = new MessageHistory(config.history().maxMessages(), config.history().maxBytes(),
                Duration.ofSeconds(config.history().maxAgeSeconds()), clock);
        this.sanctions = new Sanctions(clock);
        sanctions.onChange(() -> durable.changed(DurableState.SANCTIONS));
        this.guestAddresses = new GuestAddresses(this, clock);
        this.presence = new Presence(settings.id(), encoder, sanctions::isMuted);
        this.audit = new RoomAudit(this, config.moderation().auditEntries());
        this.stats = new ParticipationStats(Duration.ofSeconds(config.moderation().statsWindowSeconds()));
        this.slowMode = new SlowMode(dev.haven.protocol.client.SetRoom.MAX_SLOW_MODE_SECONDS);
        this.policy = configuredPolicy();
        this.guidelines = new Guidelines(settings.guidelines(), settings.guidelinesVersion(),
                config.site().guidelinesNotice());
        this.commands = new RoomCommands(this);
        this.care = new RoomCare(new RoomCareBridge(this), careServices);
        this.checkins = new RoomCheckins(new RoomCheckinBridge(this), care, careServices.supervisors(), config, clock);
        this.group = new GroupSession(this, settings.requireFacilitator(),
                Duration.ofSeconds(config.sessions().facilitatorGraceSeconds()), new CareDropout(care), random);
        this.sessionCommands = new SessionCommands(this, group);
        this.operations = new RoomOperations(this);
        this.schedule = new RoomSchedule(this);
        schedule.apply(settings.schedule());
        refreshInfo();
    }

    /** What of the room outlives its process: restored at start or takeover, written through, exported. */
    public DurableState durableState() {
        return durable;
    }

    /** What operators do to the room: settings, announcements, archiving. */
    public RoomOperations operations() {
        return operations;
    }

    public String id() {
        return settings.id();
    }

    /** Private check-ins open in this room now; safe from any thread, it reveals no member. */
    public int openCheckins() {
        return checkins.openCount();
    }

    /** The room as the directory shows it; safe from any thread. */
    public RoomInfo info() {
        return info;
    }

    public void join(Session session, Join request, Consumer<ServerMessage> reply) {
        answer(request.id(), reply, () -> doJoin(session, request));
    }

    public void leave(Session session, String requestId, Consumer<ServerMessage> reply) {
        answer(requestId, reply, () -> doLeave(session, requestId));
    }

    public void send(Session session, Send request, Consumer<ServerMessage> reply) {
        long received = System.nanoTime();
        answer(request.id(), reply, () -> doSend(session, request, received, reply));
    }

    /** Members' tools and facilitators' commands. */
    public void command(Session session, RoomRequest request, Consumer<ServerMessage> reply) {
        answer(request.id(), durable.afterKept(reply), () -> {
            Member actor = presence.of(session);
            if (actor != null && request instanceof SessionRequest sessionRequest) {
                return sessionCommands.handle(actor, sessionRequest);
            }
            return commands.handle(session, request);
        });
    }

    /** A check-in request about this room or one of its check-ins. */
    public void checkin(Session session, CheckinRequest request, Consumer<ServerMessage> reply) {
        answer(request.id(), reply, () -> checkins.handle(session, request));
    }

    /** The open check-ins the session's user is in, given to {@code result} on the room's executor. */
    public void listCheckins(Session session, Consumer<List<CheckinInfo>> result) {
        run(() -> result.accept(checkins.list(session)));
    }

    /** How many check-ins are open, given to {@code result} on the room's executor (a cluster's directory). */
    public void openCheckins(java.util.function.IntConsumer result) {
        run(() -> result.accept(checkins.openCount()));
    }

    /** The connection is gone: it leaves without a reply. Harmless for a session that never joined. */
    public void disconnect(Session session) {
        run(() -> {
            waiting.withdraw(session);
            removeSession(session);
            checkins.disconnected(session);
        });
    }

    /**
     * From now on, a message is delivered only once {@code journal} holds it; the room takes up
     * where the journal is: {@code held} its messages (oldest first), {@code seq} its last seq,
     * {@code trimmedThrough} the highest seq its bounds dropped (catch-up from before it has a
     * gap). What a cluster's new owner of the room calls before it serves the room.
     */
    public java.util.concurrent.CompletableFuture<Void> resume(MessageJournal journal, List<MessageEvent> held,
                                                               long seq, long trimmedThrough) {
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        run(() -> {
            held.forEach(history::append);
            // The log holds the messages: only what its bounds dropped is a gap.
            history.droppedExactlyThrough(trimmedThrough);
            this.seq = seq;
            durableSend = new DurableSend(this, journal);
            done.complete(null);
        });
        return done;
    }

    /** Drops what has outlived its bounds: old messages, lapsed sanctions and admissions. */
    public void sweep() {
        run(() -> {
            long now = clock.millis();
            history.expire();
            if (durableSend != null) {
                durableSend.trim(now);
            }
            sanctions.purgeExpired();
            slowMode.purge(now);
            waiting.expireAdmissions(now);
            checkins.sweep();
            for (WaitingRoom.Waiter lapsed : waiting.expire(now)) {
                // The member still waits on the answer: a denial that says why, so it may ask again.
                lapsed.sessions().forEach(s -> s.send(new Notice(id(), NoticeKind.DENIED, null,
                        "no facilitator answered in time; join again to ask again", null)));
                log.info("waiting lapsed room={} user={}", id(), lapsed.identity().id());
            }
        });
    }

    /**
     * Runs a request on the room's executor. A fault, an {@code Error} included, still produces
     * exactly one reply ({@code internal}), because the connection waits for it before its next
     * request; an {@link OutOfMemoryError} ends the process instead ({@link FatalErrors}).
     */
    private void answer(String requestId, Consumer<ServerMessage> reply, Supplier<ServerMessage> handler) {
        run(() -> {
            ServerMessage result;
            try {
                result = handler.get();
            } catch (Throwable e) {
                FatalErrors.exitIfFatal(e, "room " + id());
                log.error("room request failed room={} error={}", id(), e.getClass().getName(), e);
                result = error(requestId, ErrorCode.INTERNAL, "the server could not handle this request");
            }
            if (result != null) {
                reply.accept(result);
            }
        });
    }

    void run(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException stopping) {
            // The server is stopping; the room's loop takes no more work.
        }
    }

    private ServerMessage doJoin(Session session, Join request) {
        Member present = presence.of(session);
        if (present == null) {
            ErrorReply refused = admit(session, request);
            if (refused != null) {
                return refused;
            }
            if (waitsForApproval(session)) {
                if (waiting.add(session, clock.millis())) {
                    presence.toFacilitators(new Alert(id(), AlertKind.WAITING, session.identity().id(),
                            session.identity().name(), null, null, null, clock.millis()));
                }
                return new Ok(request.id(), JoinResult.waitingForAdmission());
            }
            present = enter(session);
        } else if (!guidelines.accepted(present)) {
            // A member already here accepts guidelines that changed while it was in the room.
            String refusal = guidelines.refusal(request);
            if (refusal == null) {
                present.acceptGuidelines(guidelines.version());
            } else if (request.guidelinesVersion() != null) {
                return error(request.id(), ErrorCode.GUIDELINES_REQUIRED, refusal);
            }
        }
        long since = request.since() == null ? 0 : request.since();
        List<MessageEvent> held = request.since() == null ? history.all() : history.after(since);
        // A since past the room's seq: the room's log was lost (a restart): what it holds now is all there is.
        boolean gap = request.since() != null && (history.hasGapAfter(since) || since > seq);
        return new Ok(request.id(), JoinResult.joined(info, presence.listFor(present), held, seq, gap,
                group.roundEvent(), group.pollEvent()));
    }

    /** The reason a connection may not come in, or null. */
    private ErrorReply admit(Session session, Join request) {
        String userId = session.identity().id();
        boolean facilitator = session.identity().roleIn(id()).isStaff();
        if (archived) {
            return error(request.id(), ErrorCode.NOT_FOUND, "this room is no longer available");
        }
        ErrorReply early = schedule.refusal(request.id(), facilitator);
        if (early != null) {
            return early;
        }
        // Facilitators cannot ban one another, also not by naming an absent facilitator's id.
        if (!facilitator && sanctions.isBanned(userId, session.identity().guest(), session.remoteAddress())) {
            return error(request.id(), ErrorCode.BANNED, "you cannot join this room at the moment");
        }
        String guidelinesRefusal = guidelines.refusal(request);
        if (guidelinesRefusal != null) {
            return error(request.id(), ErrorCode.GUIDELINES_REQUIRED, guidelinesRefusal);
        }
        boolean alreadyPresent = presence.get(userId) != null;
        if (alreadyPresent || facilitator) {
            return null;
        }
        if (policy.locked()) {
            return error(request.id(), ErrorCode.ROOM_LOCKED, "this room is not taking new members now");
        }
        if (presence.memberCount() >= settings.capacity()) {
            return error(request.id(), ErrorCode.ROOM_FULL, "this room is full");
        }
        return null;
    }

    private boolean waitsForApproval(Session session) {
        String userId = session.identity().id();
        return policy.admission() == Admission.APPROVAL
                && presence.get(userId) == null
                && !session.identity().roleIn(id()).isStaff()
                && !waiting.isAdmitted(userId, clock.millis());
    }

    private Member enter(Session session) {
        String userId = session.identity().id();
        Member member = presence.get(userId);
        if (member == null) {
            boolean staff = session.identity().roleIn(id()).isStaff();
            String name = staff ? DisplayNames.uniqueForStaff(session.identity().name(), presence.all())
                    : DisplayNames.unique(session.identity().name(), presence.all());
            member = new Member(session.identity(), session.identity().roleIn(id()), name);
            member.acceptGuidelines(guidelines.version());
            presence.add(member);
            waiting.remove(userId);
            waiting.admissionUsed(userId);
            presence.announce(PresenceKind.JOIN, member);
            if (staff) {
                StaffNames.claim(this, member);
            }
            refreshInfo();
            if (log.isDebugEnabled()) {
                log.debug("join room={} user={} role={}", id(), userId, member.role().wireName());
            }
            member.add(session);
            group.entered(member);
        } else {
            member.add(session);
        }
        guestAddresses.entered(member, session);
        boolean firstOfUser = member.sessions().size() == 1;
        // A later task, so the check-ins it is in follow the join's reply.
        run(() -> checkins.entered(session, firstOfUser));
        run(() -> operations.welcome(session));
        if (member.isFacilitator() && (!waiting.all().isEmpty() || !pendingReports.isEmpty())) {
            // A later task, so these alerts follow the join's reply, which this task produces.
            run(() -> alertOnArrival(session));
        }
        if (member.isFacilitator()) {
            run(() -> {
                if (presence.of(session) != null) {
                    care.staffJoined(session);
                }
            });
        }
        if (!member.isFacilitator() && group.lifecycle.state() == RoomState.UNFACILITATED) {
            run(() -> tellUnfacilitated(session));
        }
        return member;
    }

    /** A member who comes into a room without a facilitator hears so, after its join reply. */
    private void tellUnfacilitated(Session joined) {
        if (presence.of(joined) != null && group.lifecycle.state() == RoomState.UNFACILITATED) {
            joined.send(group.unfacilitatedNotice());
        }
    }

    /**
     * Tells a facilitator who just came in about every member still waiting, oldest first,
     * then the reports that reached no facilitator yet.
     */
    private void alertOnArrival(Session facilitator) {
        if (presence.of(facilitator) == null) {
            return;
        }
        for (WaitingRoom.Waiter waiter : waiting.all()) {
            facilitator.send(new Alert(id(), AlertKind.WAITING, waiter.identity().id(), waiter.identity().name(),
                    null, null, null, waiter.since()));
        }
        pendingReports.takeFor(facilitator.identity().id()).forEach(facilitator::send);
    }

    private ServerMessage doLeave(Session session, String requestId) {
        if (!removeSession(session) && !waiting.withdraw(session)) {
            return error(requestId, ErrorCode.NOT_IN_ROOM, "you are not in this room");
        }
        return Ok.empty(requestId);
    }

    /** @return the reply, or null when {@code reply} is answered later (a durable append) */
    private ServerMessage doSend(Session session, Send request, long received, Consumer<ServerMessage> reply) {
        Member member = presence.of(session);
        if (member == null) {
            return error(request.id(), ErrorCode.NOT_IN_ROOM, "join the room before sending to it");
        }
        Long first = history.acceptedSeq(member.id(), request.clientId());
        if (first != null) {
            // A retry of a message already accepted: answered, not delivered again (protocol v1.2).
            return new Ok(request.id(), SendResult.duplicateOf(first));
        }
        String text = request.text();
        if (text.length() > maxTextChars && text.codePointCount(0, text.length()) > maxTextChars) {
            return error(request.id(), ErrorCode.TOO_LARGE, "a message may be at most " + maxTextChars + " characters");
        }
        long now = clock.millis();
        if (sanctions.isMuted(member.id())) {
            return error(request.id(), ErrorCode.MUTED, "you are muted in this room for now");
        }
        ErrorReply refused = refuseBySession(member, request.id());
        if (refused != null) {
            return refused;
        }
        if (policy.moderated() && !member.hasVoice() && !group.hasTurn(member)) {
            return error(request.id(), ErrorCode.NO_VOICE, "this room is moderated: raise your hand to ask for the floor");
        }
        if (!member.isFacilitator()) {
            long retryAfter = slowMode.retryAfterMillis(member.id(), policy.slowModeSeconds(), now);
            if (retryAfter > 0) {
                return new ErrorReply(request.id(), ErrorCode.SLOW_MODE,
                        "slow mode is on: one message every " + policy.slowModeSeconds() + " seconds", retryAfter);
            }
        }
        Detection detection = care.assess(member.role(), text);
        if (detection.found() && care.holds(member.id(), detection)) {
            slowMode.accepted(member.id(), now);
            care.held(member.userInfo(), text, now, request.clientId(), detection);
            return new Ok(request.id(), SendResult.heldForFacilitators());
        }
        MessageEvent message = new MessageEvent(id(), durableSend == null ? seq + 1 : durableSend.nextSeq(),
                member.userInfo(), text, now, request.clientId(), request.cw());
        durable.seqUsed(message.seq());
        slowMode.accepted(member.id(), now);
        if (durableSend != null) {
            return durableSend.accept(message, detection, received, request.id(), reply);
        }
        seq = message.seq();
        delivered(message, detection, received);
        return new Ok(request.id(), new SendResult(message.seq()));
    }

    /** An accepted message, durable where it must be: held, counted, and handed to everyone present. */
    void delivered(MessageEvent message, Detection detection, long received) {
        history.append(message);
        stats.record(message.from().id(), message.from().name(),
                message.text().codePointCount(0, message.text().length()), message.ts());
        int deliveries = presence.broadcast(message);
        observer.messageAccepted(id(), received, deliveries);
        care.delivered(message.from().role(), message, detection);
    }

    /** Why the session does not let this member write now, or null. */
    private ErrorReply refuseBySession(Member member, String requestId) {
        if (!member.isFacilitator() && !group.lifecycle.isOpenToMembers()) {
            return error(requestId, ErrorCode.SESSION_NOT_OPEN,
                    "the session has not started yet: you can read along until a facilitator opens it");
        }
        if (!guidelines.accepted(member)) {
            return error(requestId, ErrorCode.GUIDELINES_REQUIRED, "the group's guidelines have changed (now version "
                    + guidelines.version() + "): read them and join again with acceptGuidelines true to keep writing");
        }
        if (!group.mayTalk(member)) {
            return error(requestId, ErrorCode.NOT_YOUR_TURN, "a round with a talking stick is on: wait for your turn");
        }
        return null;
    }

    /** @return whether the session was in the room */
    boolean removeSession(Session session) {
        Member member = presence.of(session);
        if (member == null) {
            return false;
        }
        if (member.remove(session)) {
            removeMember(member);
        }
        checkins.left(session);
        return true;
    }

    /** Takes every connection of a member out of the room; the room sees a neutral leave. */
    void removeMember(Member member) {
        guestAddresses.left(member);
        member.sessions().clear();
        presence.remove(member);
        refreshInfo();
        presence.announce(PresenceKind.LEAVE, member);
        log.debug("leave room={} user={}", id(), member.id());
        group.left(member);
    }

    /** The settings the room starts a session with, before facilitators change them. */
    RoomPolicy configuredPolicy() {
        return new RoomPolicy(settings.locked(), 0, false, Admission.OPEN);
    }

    /** The room's settings or session state changed: everyone in it gets the room object. */
    void announceSettings() {
        refreshInfo();
        presence.broadcast(new RoomUpdated(info));
    }

    void refreshInfo() {
        durable.changed(DurableState.SETTINGS);
        durable.changed(DurableState.SESSION);
        info = new RoomInfo(settings.id(), settings.name(), settings.category(), settings.topic(), settings.tags(),
                presence.memberCount(), settings.capacity(), policy.locked(), policy.admission(), guidelines.text(),
                policy.slowModeSeconds(), policy.moderated(), group.lifecycle.state(),
                group.lifecycle.requiresFacilitator(), guidelines.version(), group.lifecycle.closesAt(),
                schedule == null ? null : schedule.nextSession(), presence.size() > presence.memberCount());
    }

    static ErrorReply error(String id, ErrorCode code, String message) {
        return ErrorReply.of(id, code, message);
    }
}
