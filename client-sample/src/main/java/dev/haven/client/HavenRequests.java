package dev.haven.client;

import dev.haven.protocol.client.CheckinClose;
import dev.haven.protocol.client.CheckinHistory;
import dev.haven.protocol.client.CheckinOpen;
import dev.haven.protocol.client.CheckinSend;
import dev.haven.protocol.client.ClientMessage;
import dev.haven.protocol.client.DutyRoster;
import dev.haven.protocol.client.SetDuty;
import dev.haven.protocol.client.Join;
import dev.haven.protocol.client.Leave;
import dev.haven.protocol.client.ListCheckins;
import dev.haven.protocol.client.ListRooms;
import dev.haven.protocol.client.Ping;
import dev.haven.protocol.client.RoomRequest;
import dev.haven.protocol.client.Send;
import dev.haven.protocol.model.CheckinOutcome;
import dev.haven.protocol.model.ContentWarning;
import dev.haven.protocol.server.CheckinHistoryResult;
import dev.haven.protocol.server.CheckinResult;
import dev.haven.protocol.server.CheckinSendResult;
import dev.haven.protocol.server.CheckinsResult;
import dev.haven.protocol.server.DutyResult;
import dev.haven.protocol.server.EmptyResult;
import dev.haven.protocol.server.JoinResult;
import dev.haven.protocol.server.Result;
import dev.haven.protocol.server.RoomsResult;
import dev.haven.protocol.server.SendResult;
import java.util.concurrent.CompletableFuture;

/**
 * Requests to a Haven server, each answered by a future: {@link HavenClient} sends them over one
 * connection, {@link ReconnectingClient} over whichever connection is up. A failed request
 * completes exceptionally with a {@link HavenErrorException} for an {@code error} reply, a
 * {@link ConnectionClosedException} when the connection ended before the reply, or a
 * {@link NotConnectedException} when there was no connection to send it on.
 */
public interface HavenRequests {
    /**
     * Sends a request under the next id (an id already on {@code request} is replaced) and
     * returns its reply.
     *
     * @param resultType the result this kind of request returns, e.g. {@code JoinResult.class}
     */
    <R extends Result> CompletableFuture<R> request(ClientMessage request, Class<R> resultType);

    default CompletableFuture<RoomsResult> rooms() {
        return request(ListRooms.all(), RoomsResult.class);
    }

    /** Joins without accepting guidelines: a room that has some answers {@code guidelines_required}. */
    default CompletableFuture<JoinResult> join(String room, Long since) {
        return request(new Join(null, room, since, null), JoinResult.class);
    }

    /**
     * @param since            the last seq seen in the room, or null for the recent history
     * @param acceptGuidelines the user has read and accepted the room's guidelines
     */
    default CompletableFuture<JoinResult> join(String room, Long since, boolean acceptGuidelines) {
        return request(new Join(null, room, since, acceptGuidelines ? Boolean.TRUE : null), JoinResult.class);
    }

    default CompletableFuture<EmptyResult> leave(String room) {
        return request(new Leave(null, room), EmptyResult.class);
    }

    default CompletableFuture<SendResult> send(String room, String text) {
        return request(Send.text(room, text), SendResult.class);
    }

    /** Sends a message under a content warning: readers see it collapsed, with its label, until they open it. */
    default CompletableFuture<SendResult> send(String room, String text, ContentWarning cw) {
        return request(new Send(null, room, text, null, cw), SendResult.class);
    }

    /**
     * Joins accepting this version of the room's guidelines, the one the user read; when they
     * have changed since, the join is refused with {@code guidelines_required}. A member already
     * in the room accepts changed guidelines this way.
     */
    default CompletableFuture<JoinResult> join(String room, Long since, int guidelinesVersion) {
        return request(new Join(null, room, since, Boolean.TRUE, guidelinesVersion), JoinResult.class);
    }

    /**
     * Any members' tool or facilitators' command, such as a {@code Mute}; completes with a
     * {@code StatsResult} for {@code stats}, an {@code AuditResult} for {@code audit}, else an
     * {@link EmptyResult}. {@link #room} offers the same requests one method each.
     */
    default CompletableFuture<Result> request(RoomRequest request) {
        return request(request, HavenRoom.resultType(request)).thenApply(Result.class::cast);
    }

    /** The members' tools and facilitators' commands for one room, through these requests. */
    default HavenRoom room(String roomId) {
        return new HavenRoom(this, roomId);
    }

    /**
     * Opens a private check-in with a member of a room (a facilitator there, or a supervisor
     * from an escalated alert), or returns the one already open with that member.
     *
     * @param alertId the alert about the member this answers (acknowledged as reaching out), or null
     */
    default CompletableFuture<CheckinResult> checkinOpen(String room, String user, String alertId) {
        return request(new CheckinOpen(null, room, user, alertId), CheckinResult.class);
    }

    /** Writes in a check-in; {@code seq} counts within it. */
    default CompletableFuture<CheckinSendResult> checkinSend(String checkin, String text) {
        return checkinSend(checkin, text, null);
    }

    /**
     * @param clientId kept across retries of the same message: a retry the server already
     *                 accepted is answered {@code duplicate} and not delivered again; null for none
     */
    default CompletableFuture<CheckinSendResult> checkinSend(String checkin, String text, String clientId) {
        return request(new CheckinSend(null, checkin, text, clientId), CheckinSendResult.class);
    }

    /** A check-in and its held messages after {@code since} (null for all). */
    default CompletableFuture<CheckinHistoryResult> checkinHistory(String checkin, Long since) {
        return request(new CheckinHistory(null, checkin, since), CheckinHistoryResult.class);
    }

    /** The open check-ins this user is in, in every room. */
    default CompletableFuture<CheckinsResult> checkins() {
        return request(ListCheckins.all(), CheckinsResult.class);
    }

    /** @param outcome how it ended, for the audit log (staff only); null for none */
    default CompletableFuture<EmptyResult> checkinClose(String checkin, CheckinOutcome outcome) {
        return request(new CheckinClose(null, checkin, outcome), EmptyResult.class);
    }

    default CompletableFuture<EmptyResult> ping() {
        return request(new Ping(null), EmptyResult.class);
    }

    /** A supervisor goes on duty (it answers escalated alerts now) or off duty; the reply lists who is on duty. */
    default CompletableFuture<DutyResult> duty(boolean onDuty) {
        return request(new SetDuty(null, onDuty), DutyResult.class);
    }

    /** Who is on duty (facilitators and supervisors). */
    default CompletableFuture<DutyResult> dutyRoster() {
        return request(new DutyRoster(null), DutyResult.class);
    }
}
