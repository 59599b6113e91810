package dev.haven.server.care;

import dev.haven.protocol.model.AlertAction;
import dev.haven.protocol.model.AlertKind;
import dev.haven.protocol.model.CrisisTier;
import dev.haven.protocol.server.Alert;

/**
 * One open {@code crisis} or {@code request_facilitator} alert of a room, and where its
 * escalation stands. Holds no message text and no matched words. Used on the room's executor
 * alone.
 */
final class OpenAlert {
    final String id;
    final AlertKind kind;
    final String member;
    final String name;
    final long openedAt;
    final Long seq;
    final boolean held;
    final String note;
    CrisisTier tier;
    long urgentAt;
    long supervisorAt;
    boolean urgent;
    boolean escalated;
    /** A facilitator is reaching out: escalation has stopped, the alert stays open. */
    boolean acknowledged;
    /** Who heard of it when it opened: the room's facilitators, the supervisors, or nobody. */
    SupportText.Reach reach = SupportText.Reach.FACILITATOR;
    /** Whether its member received a support note about it (a model's alert sends none). */
    boolean noticeSent;

    OpenAlert(String id, AlertKind kind, String member, String name, CrisisTier tier, Long seq, boolean held,
              String note, long openedAt) {
        this.id = id;
        this.kind = kind;
        this.member = member;
        this.name = name;
        this.tier = tier;
        this.seq = seq;
        this.held = held;
        this.note = note;
        this.openedAt = openedAt;
    }

    /** Whether a deadline is still ahead of it. */
    boolean escalating() {
        return !acknowledged && (!urgent || !escalated);
    }

    /** The alert as facilitators (and, when escalated, supervisors) receive it. */
    Alert frame(String room) {
        return new Alert(room, kind, member, name, seq, null, null, openedAt, id, tier, urgent,
                escalated ? Boolean.TRUE : null, null, note, held ? Boolean.TRUE : null, null, null);
    }

    /** What was done about it. */
    Alert update(String room, String by, AlertAction action, long now) {
        AlertKind updateKind = kind == AlertKind.CRISIS ? AlertKind.CRISIS_UPDATE : AlertKind.REQUEST_FACILITATOR_UPDATE;
        return new Alert(room, updateKind, member, name, null, by, null, now, id, null, null, null, action, null, null,
                null, null);
    }
}
