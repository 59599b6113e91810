/**
 * The rules and records of facilitation, free of rooms and sockets: who may act on whom,
 * timed mutes and bans, the audit log, participation balance. Each is owned by one room and
 * used on that room's executor alone, so none is thread-safe.
 */
package dev.haven.server.moderation;
