/**
 * Facilitated sessions, as pure logic on a clock and a timer: a room's session lifecycle
 * ({@code lobby}, {@code open}, {@code unfacilitated}, closing), rounds (check-in, check-out,
 * go-round) and mood check-ins. Nothing here knows rooms' members or connections: the room
 * package drives these classes on the room's own thread and turns their changes into frames.
 */
package dev.haven.server.sessions;
