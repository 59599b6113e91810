package dev.haven.server.care;

import dev.haven.protocol.model.AlertKind;
import dev.haven.protocol.model.CrisisTier;

/**
 * An open alert as the admin API lists it: where it stands, never what was written, the
 * member's name or a request's note.
 *
 * @param member       the member's user id
 * @param tier         null for a request for a facilitator
 * @param openedAt     epoch ms
 * @param acknowledged a facilitator or supervisor is reaching out
 */
public record AlertSummary(String room, String alertId, AlertKind kind, CrisisTier tier, String member,
                           long openedAt, boolean urgent, boolean escalated, boolean acknowledged) {
}
