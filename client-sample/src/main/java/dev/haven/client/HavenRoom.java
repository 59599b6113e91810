package dev.haven.client;

import static java.util.Objects.requireNonNull;

import dev.haven.protocol.client.AckAlert;
import dev.haven.protocol.client.Admit;
import dev.haven.protocol.client.Audit;
import dev.haven.protocol.client.Ban;
import dev.haven.protocol.client.CloseSession;
import dev.haven.protocol.client.Delete;
import dev.haven.protocol.client.Deny;
import dev.haven.protocol.client.ListResources;
import dev.haven.protocol.client.LowerHand;
import dev.haven.protocol.client.Mood;
import dev.haven.protocol.client.MoodPoll;
import dev.haven.protocol.client.Mute;
import dev.haven.protocol.client.OpenSession;
import dev.haven.protocol.client.Pass;
import dev.haven.protocol.client.RaiseHand;
import dev.haven.protocol.client.Remove;
import dev.haven.protocol.client.Report;
import dev.haven.protocol.client.RequestFacilitator;
import dev.haven.protocol.client.RoomRequest;
import dev.haven.protocol.client.RoundEnd;
import dev.haven.protocol.client.RoundStart;
import dev.haven.protocol.client.SetRoom;
import dev.haven.protocol.client.ShareResource;
import dev.haven.protocol.client.Stats;
import dev.haven.protocol.client.TurnDone;
import dev.haven.protocol.client.TurnExtend;
import dev.haven.protocol.client.Unban;
import dev.haven.protocol.client.Unmute;
import dev.haven.protocol.client.Voice;
import dev.haven.protocol.client.Warn;
import dev.haven.protocol.model.Admission;
import dev.haven.protocol.model.AlertAction;
import dev.haven.protocol.model.MoodPhase;
import dev.haven.protocol.model.RoundKind;
import dev.haven.protocol.model.RoundOrder;
import dev.haven.protocol.server.AuditResult;
import dev.haven.protocol.server.EmptyResult;
import dev.haven.protocol.server.ResourcesResult;
import dev.haven.protocol.server.Result;
import dev.haven.protocol.server.RoundStarted;
import dev.haven.protocol.server.StatsResult;
import java.util.concurrent.CompletableFuture;

/**
 * The members' tools and facilitators' commands of one room, over a {@link HavenClient} or a
 * {@link ReconnectingClient}: {@code client.room("lounge").mute(userId, 300L, "a pause")}, and
 * the session's requests (rounds, mood check-ins, opening and closing). {@code user} is always
 * a user id. Facilitators' commands made by a member fail with {@code forbidden}; the server
 * decides.
 *
 * <p>Immutable, and every method may be called from any thread, as the client's own.
 * A value out of range (such as a mute longer than {@link Mute#MAX_SECONDS}) throws
 * {@link dev.haven.protocol.InvalidFieldException} before anything is sent.
 */
public final class HavenRoom {
    private final HavenRequests client;
    private final String id;

    HavenRoom(HavenRequests client, String id) {
        this.client = requireNonNull(client, "client");
        this.id = requireNonNull(id, "roomId");
    }

    public String id() {
        return id;
    }

    /** The result type of a room request's reply: {@code stats}, {@code audit} and {@code resources} have their own, the rest none. */
    public static Class<? extends Result> resultType(RoomRequest request) {
        if (request instanceof Stats) {
            return StatsResult.class;
        }
        if (request instanceof ListResources) {
            return ResourcesResult.class;
        }
        if (request instanceof Audit) {
            return AuditResult.class;
        }
        if (request instanceof RoundStart) {
            return RoundStarted.class;
        }
        return EmptyResult.class;
    }

    // ---------------------------------------------------------------- members' tools

    /** Asks for the floor; facilitators see raised hands in raise order. */
    public CompletableFuture<EmptyResult> raiseHand() {
        return empty(new RaiseHand(null, id));
    }

    /** Lowers one's own hand. */
    public CompletableFuture<EmptyResult> lowerHand() {
        return empty(new LowerHand(null, id, null));
    }

    /** A facilitator lowers another member's hand. */
    public CompletableFuture<EmptyResult> lowerHand(String user) {
        return empty(new LowerHand(null, id, user));
    }

    /** Tells the room's facilitators about a message; nobody else sees the report. */
    public CompletableFuture<EmptyResult> report(long seq, String reason) {
        return empty(new Report(null, id, seq, reason));
    }

    /** Asks a facilitator of the room to check in; {@code note} (optional) reaches the facilitators only. */
    public CompletableFuture<EmptyResult> requestFacilitator(String note) {
        return empty(new RequestFacilitator(null, id, note));
    }

    /** The room's helplines: those of its region, for its audience first, then international directories. */
    public CompletableFuture<ResourcesResult> resources() {
        return client.request(ListResources.of(id), ResourcesResult.class);
    }

    /** Another region's helplines (an ISO 3166-1 code such as {@code CA}, or {@code international}). */
    public CompletableFuture<ResourcesResult> resources(String region) {
        return client.request(new ListResources(null, id, region), ResourcesResult.class);
    }

    // ---------------------------------------------------------------- facilitators' commands

    /**
     * Acknowledges a {@code crisis} or {@code request_facilitator} alert: {@code REACHING_OUT}
     * stops its escalation and keeps it open, {@code HANDLED} and {@code FALSE_ALARM} close it.
     * Supervisors may acknowledge without joining the room.
     */
    public CompletableFuture<EmptyResult> ackAlert(String alertId, AlertAction action) {
        return empty(new AckAlert(null, id, alertId, action));
    }

    /** Shares a helpline card with everyone in the room, or with one member ({@code user} non-null). */
    public CompletableFuture<EmptyResult> shareResource(String cardId, String user) {
        return empty(new ShareResource(null, id, cardId, user));
    }

    /** @param seconds how long, or null until lifted */
    public CompletableFuture<EmptyResult> mute(String user, Long seconds, String reason) {
        return empty(new Mute(null, id, user, seconds, reason));
    }

    public CompletableFuture<EmptyResult> unmute(String user) {
        return empty(new Unmute(null, id, user));
    }

    /** Takes the member out of the room at once; it may rejoin. */
    public CompletableFuture<EmptyResult> remove(String user, String reason) {
        return empty(new Remove(null, id, user, reason));
    }

    /** @param seconds how long, or null until lifted */
    public CompletableFuture<EmptyResult> ban(String user, Long seconds, String reason) {
        return empty(new Ban(null, id, user, seconds, reason));
    }

    public CompletableFuture<EmptyResult> unban(String user) {
        return empty(new Unban(null, id, user));
    }

    /** Deletes a message from every screen and from the held history. */
    public CompletableFuture<EmptyResult> delete(long seq) {
        return empty(new Delete(null, id, seq));
    }

    /** Changes the settings given; null leaves one as it is. At least one must be given. */
    public CompletableFuture<EmptyResult> setRoom(Boolean locked, Integer slowModeSeconds, Boolean moderated,
                                                  Admission admission) {
        return empty(new SetRoom(null, id, locked, slowModeSeconds, moderated, admission));
    }

    /** No new members may join while locked; those present stay. */
    public CompletableFuture<EmptyResult> lock(boolean locked) {
        return setRoom(locked, null, null, null);
    }

    /** At most one message per member per that many seconds; 0 turns slow mode off. */
    public CompletableFuture<EmptyResult> slowMode(int seconds) {
        return setRoom(null, seconds, null, null);
    }

    /** Only facilitators and members with the floor may send while moderated. */
    public CompletableFuture<EmptyResult> moderated(boolean moderated) {
        return setRoom(null, null, moderated, null);
    }

    public CompletableFuture<EmptyResult> admission(Admission admission) {
        return setRoom(null, null, null, requireNonNull(admission, "admission"));
    }

    /** Gives ({@code true}) or takes the floor; giving it lowers the member's hand. */
    public CompletableFuture<EmptyResult> voice(String user, boolean granted) {
        return empty(new Voice(null, id, user, granted));
    }

    /** Lets a waiting member in: its next join succeeds. */
    public CompletableFuture<EmptyResult> admit(String user) {
        return empty(new Admit(null, id, user));
    }

    public CompletableFuture<EmptyResult> deny(String user) {
        return empty(new Deny(null, id, user));
    }

    /** A private word to one member. */
    public CompletableFuture<EmptyResult> warn(String user, String text) {
        return empty(new Warn(null, id, user, text));
    }

    /** Participation over the server's rolling window, with the members who dominate. */
    public CompletableFuture<StatsResult> stats() {
        return client.request(new Stats(null, id), StatsResult.class);
    }

    /** @param limit how many entries, newest first; null for all the server holds */
    public CompletableFuture<AuditResult> audit(Integer limit) {
        return client.request(new Audit(null, id, limit), AuditResult.class);
    }

    // ---------------------------------------------------------------- the session

    /** Opens the session (facilitator): members may write. Calls off a close in progress. */
    public CompletableFuture<EmptyResult> openSession() {
        return empty(new OpenSession(null, id));
    }

    /**
     * Closes the session (facilitator): after the grace period everyone leaves and what was said
     * is deleted.
     *
     * @param graceSeconds null for the server's default (60 s)
     * @param text         a closing word for the group, or null for the server's own
     */
    public CompletableFuture<EmptyResult> closeSession(Long graceSeconds, String text) {
        return empty(new CloseSession(null, id, graceSeconds, text));
    }

    /** Starts a round (facilitator); a round still going ends first. Null options take the server's defaults. */
    public CompletableFuture<RoundStarted> startRound(RoundKind kind, String prompt, Long turnSeconds,
                                                      RoundOrder order, Boolean allowPass, Boolean talkingStick) {
        return client.request(new RoundStart(null, id, kind, prompt, turnSeconds, order, allowPass, talkingStick),
                RoundStarted.class);
    }

    /** Ends one's own turn. */
    public CompletableFuture<EmptyResult> turnDone() {
        return empty(new TurnDone(null, id));
    }

    /** Passes one's own turn; to others it looks the same as {@link #turnDone}. */
    public CompletableFuture<EmptyResult> pass() {
        return empty(new Pass(null, id));
    }

    /** Gives the speaker more time (facilitator). */
    public CompletableFuture<EmptyResult> extendTurn(long seconds) {
        return empty(new TurnExtend(null, id, seconds));
    }

    /** Ends the round now (facilitator). */
    public CompletableFuture<EmptyResult> endRound() {
        return empty(new RoundEnd(null, id));
    }

    /**
     * Opens a mood check-in (facilitator).
     *
     * @param closesInSeconds null for the server's default (60 s)
     */
    public CompletableFuture<EmptyResult> moodPoll(MoodPhase phase, Long closesInSeconds) {
        return empty(new MoodPoll(null, id, phase, closesInSeconds));
    }

    /**
     * Answers the open check-in.
     *
     * @param value 1 (very low) to 5 (very good), or null to take part without a score
     * @param share whether the facilitators may see this answer as one's own
     */
    public CompletableFuture<EmptyResult> mood(String pollId, Integer value, boolean share) {
        return empty(new Mood(null, id, pollId, value, share ? Boolean.TRUE : null));
    }

    private CompletableFuture<EmptyResult> empty(RoomRequest request) {
        return client.request(request, EmptyResult.class);
    }

    @Override
    public String toString() {
        return "HavenRoom[" + id + "]";
    }
}
