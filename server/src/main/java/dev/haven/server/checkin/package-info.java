/**
 * Check-ins: a private, two-way conversation between one member and the staff of a room (its
 * facilitators present, and any supervisor who opens or joins it from an escalated alert),
 * opened from a crisis alert, a request for a facilitator, or a facilitator's action on a
 * member. Nobody else learns that a check-in exists. Its messages live in memory only, bounded
 * like the room's history, and are deleted when it closes, when the room's session closes, or
 * after {@code checkins.idleSeconds} without a word; the audit log records who opened and
 * closed it, and the outcome, never what was said.
 *
 * <p>A room's check-ins belong to the room and run on its executor ({@link
 * dev.haven.server.checkin.RoomCheckins}); a check-in's id names its room ({@link
 * dev.haven.server.checkin.CheckinIds}), so a request about it can be routed to the room from
 * the request alone, without a server-wide registry.
 */
package dev.haven.server.checkin;
