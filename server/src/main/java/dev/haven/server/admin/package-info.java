/**
 * The admin API, {@code /api/v1} on the server's own port: rooms (list, create, change,
 * archive), announcements, ending a user's sessions, open alerts, who is on duty, and its own
 * audit log. Independent of Netty: the transport hands it an {@link dev.haven.server.admin.ApiRequest}
 * and writes the {@link dev.haven.server.admin.ApiResponse} it completes with. Every call is
 * authorised by a token with role {@code admin}, rate-limited per address and audited (who, what,
 * the outcome; never a body, a name or any text).
 */
package dev.haven.server.admin;
