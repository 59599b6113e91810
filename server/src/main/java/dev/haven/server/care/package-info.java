/**
 * Duty of care: what happens when a member's words suggest a crisis, or a member asks for a
 * facilitator. The member alone gets a warm private notice with helplines; the room's
 * facilitators get an alert that escalates (urgent, then to supervisors) until acknowledged.
 * Nothing here blocks, mutes or removes anyone, and no alert, audit entry or log line holds
 * message text or the words that matched. Detection itself is {@code care.detect}.
 */
package dev.haven.server.care;
