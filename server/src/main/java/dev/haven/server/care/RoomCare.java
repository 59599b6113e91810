package dev.haven.server.care;

import dev.haven.protocol.ErrorCode;
import dev.haven.protocol.client.AckAlert;
import dev.haven.protocol.client.CareRequest;
import dev.haven.protocol.client.ListResources;
import dev.haven.protocol.client.RequestFacilitator;
import dev.haven.protocol.client.ShareResource;
import dev.haven.protocol.model.AlertAction;
import dev.haven.protocol.model.AlertKind;
import dev.haven.protocol.model.CrisisTier;
import dev.haven.protocol.model.ResourceCard;
import dev.haven.protocol.model.Role;
import dev.haven.protocol.model.UserInfo;
import dev.haven.protocol.server.Alert;
import dev.haven.protocol.server.ErrorReply;
import dev.haven.protocol.server.HeldMessage;
import dev.haven.protocol.server.MessageEvent;
import dev.haven.protocol.server.Notice;
import dev.haven.protocol.server.Ok;
import dev.haven.protocol.server.ResourceEvent;
import dev.haven.protocol.server.ResourcesResult;
import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.care.detect.Detection;
import dev.haven.server.care.detect.Tier;
import dev.haven.server.care.model.SecondStage;
import dev.haven.server.config.ResourceCardSettings;
import dev.haven.server.auth.Identity;
import dev.haven.server.delivery.Session;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One room's duty of care. A member's message with crisis language still goes to the room
 * (unless the room holds method detail for facilitators, an opt-in setting); then the author
 * alone receives a {@code support} notice and the room's facilitators a {@code crisis} alert.
 * One alert is open per member and kind; later matches attach to it silently (a higher tier
 * shortens its escalation). An alert nobody acknowledges is sent again as urgent after
 * {@code care.ackTimeoutSeconds}, then to the supervisors after {@code care.supervisorAfterSeconds};
 * with no facilitator in the room it goes to the supervisors at once.
 *
 * <p>A message the lexicon did not alert on goes to the detector's second stage (the model,
 * {@code care.model}). When the model finds a crisis, the same alert opens, with the same
 * acknowledgement and escalation, but the member receives no support note: the facilitators
 * decide, and can check in or share a helpline. A lexicon match later still brings the member
 * the note.
 *
 * <p><b>Threading and time.</b> Used on the room's executor alone. The second stage reads on its
 * own thread and never on the room's; its answer comes back as a task submitted to the room's
 * executor ({@link CareRoom#execute}), like every other change of room state, so alerts need no
 * lock and keep the room's one order. An answer that arrives after the room's session was closed
 * and purged is dropped ({@link #purge} counts sessions). Deadlines are read from the injected
 * clock by a poll that runs every second on the room's executor while an alert is still
 * escalating, so a test that moves the clock sees the escalation within a second, and an idle
 * room schedules nothing.
 *
 * <p><b>Kept.</b> Open alerts outlive a restart and move to a room's new owner: every change of
 * one is told to the room ({@link CareRoom#alertsChanged}), which keeps {@link #keptAlerts};
 * {@link #restoreAlerts} takes them back and escalation goes on from their deadlines. What a
 * member wrote (a held message, a request's note) is never kept.
 */
public final class RoomCare {
    private static final Logger log = LoggerFactory.getLogger(RoomCare.class);
    static final Duration POLL = Duration.ofSeconds(1);

    private final CareRoom room;
    private final CareServices services;
    private final AlertBook book = new AlertBook();
    /** When each member last received a support notice in this room. */
    private final Map<String, Long> lastNotice = new HashMap<>();
    private boolean polling;
    /** How many times the room's session was purged: a late answer of the model for an earlier one is dropped. */
    private long purges;

    /** What found the crisis; only the lexicon's matches bring the member a support note. */
    private enum Source { LEXICON, MODEL }

    public RoomCare(CareRoom room, CareServices services) {
        this.room = room;
        this.services = services;
    }

    // ---------------------------------------------------------------- messages

    /** What the message says of its author; facilitators' and supervisors' messages are never read. */
    public Detection assess(Role author, String text) {
        return author.isStaff() ? Detection.NONE : services.detector().detect(text);
    }

    /**
     * Whether the room holds this message for its facilitators: the room opted in, the message
     * describes a method at the high tier, and a facilitator is there to read it (holding it with
     * nobody to read it would silence the member).
     */
    public boolean holds(String author, Detection detection) {
        return room.settings().holdMethodDetail() && detection.methodDetail()
                && room.staffPresentBesides(author);
    }

    /**
     * After a message reached the room: an alert for crisis language the lexicon found, or else,
     * for a member's message, a reading by the model on its own thread, whose alert, if any, comes
     * back to the room's executor later. Never delays the message.
     */
    public void delivered(Role authorRole, MessageEvent message, Detection detection) {
        if (detection.found()) {
            open(message.from(), message.seq(), false, message.ts(), detection, Source.LEXICON);
            return;
        }
        SecondStage model = services.secondStage();
        if (model == null || authorRole.isStaff()) {
            return;
        }
        long session = purges;
        UserInfo author = message.from();
        long seq = message.seq();
        model.submit(message.text(), tier -> room.execute(() -> modelFound(author, seq, tier, session)));
    }

    /** On the room's executor: the model found a crisis in a message of this session. */
    private void modelFound(UserInfo author, long seq, Tier tier, long session) {
        if (session != purges) {
            return;
        }
        open(author, seq, false, services.clock().millis(), new Detection(tier, false), Source.MODEL);
    }

    /** A message the room holds: facilitators and its author receive it; nobody else does. */
    public void held(UserInfo author, String text, long ts, String clientId, Detection detection) {
        OpenAlert alert = open(author, null, true, ts, detection, Source.LEXICON);
        HeldMessage message = new HeldMessage(room.id(), alert.id, author, text, ts, clientId);
        room.toStaffBesides(author.id(), message);
        room.toUser(author.id(), message);
    }

    private OpenAlert open(UserInfo author, Long seq, boolean held, long ts, Detection detection, Source source) {
        CrisisTier tier = detection.tier() == Tier.HIGH ? CrisisTier.HIGH : CrisisTier.CONCERN;
        OpenAlert existing = book.openFor(author.id(), AlertKind.CRISIS);
        if (existing != null) {
            raise(existing, tier);
            if (source == Source.LEXICON && !existing.noticeSent) {
                // The model's alert sent the member nothing; the lexicon's match does.
                notify(existing, author.id(), held, ts);
            }
            return existing;
        }
        OpenAlert alert = new OpenAlert(services.alertIds().next(), AlertKind.CRISIS, author.id(), author.name(), tier,
                seq, held, null, ts);
        start(alert, ts);
        log.info("crisis alert room={} alert={} member={} tier={} held={} reach={} source={}", room.id(), alert.id,
                author.id(), tier.wireName(), held, alert.reach.name().toLowerCase(), source.name().toLowerCase());
        if (source == Source.LEXICON) {
            notify(alert, author.id(), held, ts);
        }
        return alert;
    }

    /** Nothing new is sent; a higher tier only shortens what is left of the alert's escalation. */
    private void raise(OpenAlert alert, CrisisTier tier) {
        if (tier == CrisisTier.HIGH && alert.tier == CrisisTier.CONCERN) {
            alert.tier = CrisisTier.HIGH;
            services.observer().tierRaised(CrisisTier.CONCERN, CrisisTier.HIGH, alert.acknowledged);
            alert.urgentAt = Math.min(alert.urgentAt, alert.openedAt + timeout(alert));
            alert.supervisorAt = Math.min(alert.supervisorAt, alert.urgentAt + supervisorDelay());
            room.alertsChanged();
        }
    }

    /**
     * A member's words in a check-in. While staff read along, they raise no new alert, but an
     * open crisis alert about the member takes their tier if it is higher, so what escalation or
     * a supervisor later sees stays honest. With nobody of the staff there to read them, they
     * open an alert as a message in the room would (with no {@code seq}).
     */
    public void checkinWords(UserInfo member, long ts, Detection detection, boolean staffReading) {
        if (!detection.found()) {
            return;
        }
        if (!staffReading) {
            open(member, null, false, ts, detection, Source.LEXICON);
            return;
        }
        OpenAlert existing = book.openFor(member.id(), AlertKind.CRISIS);
        if (existing != null) {
            CrisisTier before = existing.tier;
            raise(existing, detection.tier() == Tier.HIGH ? CrisisTier.HIGH : CrisisTier.CONCERN);
            if (existing.tier != before) {
                log.info("crisis alert tier raised by a check-in room={} alert={}", room.id(), existing.id);
            }
        }
    }

    /** The author's support note about this alert, unless one came too recently. */
    private void notify(OpenAlert alert, String member, boolean held, long ts) {
        if (held || noticeDue(member, ts)) {
            alert.noticeSent = true;
            lastNotice.put(member, ts);
            String text = held ? SupportText.afterHeldMessage() : SupportText.afterMessage(alert.reach);
            room.toUser(member, Notice.support(room.id(), alert.id, text, cards(alert.reach)));
        }
    }

    /** Opens an alert: its facilitators hear of it, or the supervisors at once when there are none. */
    private SupportText.Reach start(OpenAlert alert, long now) {
        alert.urgentAt = now + timeout(alert);
        alert.supervisorAt = alert.urgentAt + supervisorDelay();
        book.add(alert);
        room.alertsChanged();
        services.observer().opened(alert.kind, alert.tier);
        SupportText.Reach reach;
        if (room.staffPresentBesides(alert.member)) {
            room.toStaffBesides(alert.member, alert.frame(room.id()));
            reach = SupportText.Reach.FACILITATOR;
        } else {
            reach = escalate(alert, "no_facilitator") > 0 ? SupportText.Reach.SUPERVISOR : SupportText.Reach.NOBODY;
        }
        alert.reach = reach;
        pollWhileEscalating();
        return reach;
    }

    private boolean noticeDue(String member, long now) {
        Long last = lastNotice.get(member);
        return last == null || now - last >= services.settings().supportNoticeCooldownSeconds() * 1000L;
    }

    private List<ResourceCard> cards(SupportText.Reach reach) {
        return services.resources().supportCards(room.settings(), reach != SupportText.Reach.FACILITATOR);
    }

    // ---------------------------------------------------------------- escalation

    private long timeout(OpenAlert alert) {
        var timeouts = services.settings().ackTimeoutSeconds();
        int seconds = alert.kind == AlertKind.REQUEST_FACILITATOR ? timeouts.request()
                : alert.tier == CrisisTier.HIGH ? timeouts.high() : timeouts.concern();
        return seconds * 1000L;
    }

    private long supervisorDelay() {
        return services.settings().supervisorAfterSeconds() * 1000L;
    }

    private void pollWhileEscalating() {
        if (!polling && book.anyEscalating()) {
            polling = true;
            room.schedule(this::poll, POLL);
        }
    }

    private void poll() {
        polling = false;
        long now = services.clock().millis();
        for (OpenAlert alert : book.all()) {
            if (alert.acknowledged) {
                continue;
            }
            if (!alert.urgent && now >= alert.urgentAt) {
                alert.urgent = true;
                room.alertsChanged();
                log.info("alert urgent room={} alert={} kind={}", room.id(), alert.id, alert.kind.wireName());
                if (!room.staffPresentBesides(alert.member)) {
                    // Nobody is there to see it: straight on to the supervisors.
                    alert.supervisorAt = now;
                } else {
                    room.toStaffBesides(alert.member, alert.frame(room.id()));
                }
            }
            if (alert.urgent && !alert.escalated && now >= alert.supervisorAt) {
                escalate(alert, "unacknowledged");
                room.toStaffBesides(alert.member, alert.frame(room.id()));
            }
        }
        pollWhileEscalating();
    }

    /**
     * @param step what brought the alert to the supervisors, for paging
     * @return how many supervisors on duty it reached
     */
    private int escalate(OpenAlert alert, String step) {
        alert.escalated = true;
        room.alertsChanged();
        int reached = services.supervisors().escalate(alert.frame(room.id()));
        log.info("alert escalated room={} alert={} kind={} step={} onDuty={}", room.id(), alert.id,
                alert.kind.wireName(), step, reached);
        services.observer().escalated(new AlertObserver.Escalation(room.id(), alert.id, alert.kind, alert.tier,
                alert.openedAt, services.clock().millis(), step, reached));
        return reached;
    }

    // ---------------------------------------------------------------- requests

    /**
     * Duty-of-care requests. {@code present} is false for a supervisor who has not joined the
     * room: it may acknowledge alerts and nothing else.
     *
     * @param roleHere the requester's role in this room
     */
    public ServerMessage handle(Session session, boolean present, Role roleHere, CareRequest request) {
        if (request instanceof AckAlert ack && (present && roleHere.isStaff()
                || session.identity().role() == Role.SUPERVISOR)) {
            if (!acknowledge(asShown(session.identity()), ack.alertId(), ack.action(),
                    ack.action() == AlertAction.REACHING_OUT)) {
                return ErrorReply.of(ack.id(), ErrorCode.NOT_FOUND, "no open alert with that id in this room");
            }
            return Ok.empty(ack.id());
        }
        if (!present) {
            return ErrorReply.of(request.id(), ErrorCode.NOT_IN_ROOM, "join the room first");
        }
        if (request instanceof RequestFacilitator ask) {
            return requestFacilitator(session.identity().userInfoIn(room.id()), roleHere, ask);
        } else if (request instanceof ListResources list) {
            String region = list.region() == null ? room.settings().region() : ResourceCardSettings.normalizeRegion(list.region());
            if (list.region() != null && region == null) {
                return ErrorReply.of(list.id(), ErrorCode.BAD_REQUEST,
                        "field 'region' must be a country code such as US or GB, or international");
            }
            String audience = list.region() == null ? room.settings().audience() : null;
            return new Ok(list.id(), new ResourcesResult(services.resources().cardsFor(region, audience)));
        } else if (!roleHere.isStaff()) {
            return ErrorReply.of(request.id(), ErrorCode.FORBIDDEN, "only a facilitator of this room may do that");
        } else if (request instanceof ShareResource share) {
            return share(asShown(session.identity()), share);
        }
        return ErrorReply.of(request.id(), ErrorCode.FORBIDDEN, "only a facilitator of this room may do that");
    }

    private ServerMessage requestFacilitator(UserInfo member, Role roleHere, RequestFacilitator ask) {
        if (roleHere.isStaff()) {
            return ErrorReply.of(ask.id(), ErrorCode.FORBIDDEN, "you are a facilitator here; members ask for one");
        }
        if (book.openFor(member.id(), AlertKind.REQUEST_FACILITATOR) != null) {
            return Ok.empty(ask.id());
        }
        long now = services.clock().millis();
        OpenAlert alert = new OpenAlert(services.alertIds().next(), AlertKind.REQUEST_FACILITATOR, member.id(),
                member.name(), null, null, false, ask.note(), now);
        SupportText.Reach reach = start(alert, now);
        log.info("facilitator requested room={} alert={} member={} reach={}", room.id(), alert.id, member.id(),
                reach.name().toLowerCase());
        if (reach != SupportText.Reach.FACILITATOR) {
            room.toUser(member.id(), Notice.support(room.id(), alert.id,
                    SupportText.afterRequest(reach == SupportText.Reach.SUPERVISOR), cards(reach)));
        }
        return Ok.empty(ask.id());
    }

    /**
     * Acknowledges an alert: every facilitator of the room (and the supervisors, when it was
     * escalated) receives the update; with {@code tellMember}, the member hears privately that
     * someone is reaching out.
     *
     * @return false when no such alert is open
     */
    private boolean acknowledge(UserInfo by, String alertId, AlertAction action, boolean tellMember) {
        OpenAlert alert = book.get(alertId);
        if (alert == null) {
            return false;
        }
        boolean closes = action.closes();
        if (!alert.acknowledged) {
            services.observer().acknowledged(alert.kind, alert.tier, services.clock().millis() - alert.openedAt);
        }
        alert.acknowledged = true;
        if (closes) {
            book.remove(alert);
            services.observer().closed(alert.kind, alert.tier, true);
        }
        room.alertsChanged();
        var update = alert.update(room.id(), by.id(), action, services.clock().millis());
        room.toStaffBesides(alert.member, update);
        if (alert.escalated) {
            services.supervisors().update(update, closes);
        }
        if (tellMember) {
            room.toUser(alert.member, Notice.reachingOut(room.id(), by,
                    SupportText.reachingOut(by.name(), by.role() == Role.SUPERVISOR)));
        }
        room.audit(by.id(), by.name(), "ack_alert", alert.member, alert.name,
                alert.kind.wireName() + " " + action.wireName());
        log.info("alert acknowledged room={} alert={} by={} action={}", room.id(), alert.id, by.id(),
                action.wireName());
        return true;
    }

    /**
     * A check-in opened from an alert: the alert is acknowledged as {@code reaching_out} by its
     * opener, as {@code ack_alert} would.
     *
     * @param tellMember whether the member hears of it (not when the check-in was already going on)
     * @return false when no such alert is open
     */
    public boolean reachingOut(UserInfo by, String alertId, boolean tellMember) {
        return acknowledge(by, alertId, AlertAction.REACHING_OUT, tellMember);
    }

    /** An open {@code crisis} or {@code request_facilitator} alert of the room, as a check-in sees it. */
    public record AlertRef(String id, String member, String name, boolean escalated) {
    }

    /** The open alert with this id, or null. */
    public AlertRef openAlert(String alertId) {
        OpenAlert alert = book.get(alertId);
        return alert == null ? null : new AlertRef(alert.id, alert.member, alert.name, alert.escalated);
    }

    /** The user as the room shows it: its name there when present, else its own. */
    private UserInfo asShown(Identity identity) {
        UserInfo present = room.present(identity.id());
        return present != null ? present : identity.userInfoIn(room.id());
    }

    private ServerMessage share(UserInfo by, ShareResource share) {
        ResourceCard card = services.resources().find(share.card());
        if (card == null) {
            return ErrorReply.of(share.id(), ErrorCode.NOT_FOUND, "no resource card with that id");
        }
        ResourceEvent event = new ResourceEvent(room.id(), card);
        if (share.user() == null) {
            room.toEveryone(event);
        } else if (room.isPresent(share.user())) {
            room.toUser(share.user(), event);
        } else {
            return ErrorReply.of(share.id(), ErrorCode.NOT_FOUND, "no such member in this room");
        }
        UserInfo target = share.user() == null ? null : room.present(share.user());
        room.audit(by.id(), by.name(), "share_resource", share.user(), target == null ? null : target.name(), card.id());
        return Ok.empty(share.id());
    }

    // ---------------------------------------------------------------- for the room

    /** A facilitator or supervisor came in: it receives every open alert, as it stands now. */
    public void staffJoined(Session session) {
        String userId = session.identity().id();
        for (OpenAlert alert : book.all()) {
            if (!alert.member.equals(userId)) {
                session.send(alert.frame(room.id()));
            }
        }
    }

    /**
     * Sends an alert about this room to every connected supervisor but this user, such as a
     * report about a facilitator's or supervisor's message, which never reaches its author.
     *
     * @return how many supervisor connections it reached
     */
    public int alertSupervisorsExcept(String userId, Alert alert) {
        return services.supervisors().alertExcept(userId, alert);
    }

    /**
     * Sends an alert about this room to every connected supervisor, such as
     * {@code alert {kind:"unfacilitated"}}.
     *
     * @return how many supervisor connections it reached
     */
    public int alertSupervisors(Alert alert) {
        return services.supervisors().alert(alert);
    }

    /** The cards of services always open, for the room: what to offer when no facilitator is there. */
    public List<ResourceCard> alwaysOpenCards() {
        return services.resources().supportCards(room.settings(), true);
    }

    /** The open alerts, oldest first, for the admin API: no text, no name, no note. */
    public List<AlertSummary> openAlerts() {
        return book.all().stream().map(a -> new AlertSummary(room.id(), a.id, a.kind, a.tier, a.member, a.openedAt,
                a.urgent, a.escalated, a.acknowledged)).toList();
    }

    /** Ends every open alert without an update, as when the room's session closes and is purged. */
    public void purge() {
        room.alertsChanged();
        purges++;
        for (OpenAlert alert : book.all()) {
            book.remove(alert);
            services.observer().closed(alert.kind, alert.tier, alert.acknowledged);
            if (alert.escalated) {
                services.supervisors().forget(room.id(), alert.id);
            }
        }
        lastNotice.clear();
    }

    // ---------------------------------------------------------------- kept across restarts

    /**
     * An open alert as a store keeps it: who, what kind and tier, and where its escalation
     * stands. No text: not the held message, not a request's note, not the words that matched.
     */
    public record KeptAlert(String id, AlertKind kind, String member, String name, CrisisTier tier, Long seq,
                            boolean held, long openedAt, long urgentAt, long supervisorAt, boolean urgent,
                            boolean escalated, boolean acknowledged, boolean noticeSent) {
    }

    /** The open alerts, oldest first, as a store keeps them. */
    public List<KeptAlert> keptAlerts() {
        return book.all().stream().map(a -> new KeptAlert(a.id, a.kind, a.member, a.name, a.tier, a.seq, a.held,
                a.openedAt, a.urgentAt, a.supervisorAt, a.urgent, a.escalated, a.acknowledged, a.noticeSent)).toList();
    }

    /**
     * The open alerts as they were kept (after a restart, or on the room's new owner), before the
     * room serves: escalation goes on from their deadlines on this room's executor, so one whose
     * deadline passed meanwhile escalates within a second; those escalated are open again to the
     * supervisors, and to each supervisor who connects.
     */
    public void restoreAlerts(List<KeptAlert> kept) {
        for (OpenAlert alert : book.all()) {
            book.remove(alert);
        }
        for (KeptAlert k : kept) {
            OpenAlert alert = new OpenAlert(k.id(), k.kind(), k.member(), k.name(), k.tier(), k.seq(), k.held(), null,
                    k.openedAt());
            alert.urgentAt = k.urgentAt();
            alert.supervisorAt = k.supervisorAt();
            alert.urgent = k.urgent();
            alert.escalated = k.escalated();
            alert.acknowledged = k.acknowledged();
            alert.noticeSent = k.noticeSent();
            book.add(alert);
            services.observer().restored(alert.kind, alert.tier, alert.acknowledged);
            if (alert.escalated) {
                services.supervisors().reopen(alert.frame(room.id()));
            }
        }
        pollWhileEscalating();
    }
}
