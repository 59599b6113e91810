/**
 * A small client library for the Haven protocol, on the JDK's {@link java.net.http.WebSocket}.
 *
 * <p>{@link dev.haven.client.HavenClient} is one connection: it numbers requests and matches
 * each reply to its request by id; a failed request completes with a
 * {@link dev.haven.client.HavenErrorException}. {@link dev.haven.client.ReconnectingClient}
 * keeps a user in their rooms across lost connections: it reconnects with backoff and jitter
 * ({@link dev.haven.client.ReconnectPolicy}), says hello with the same identity, rejoins each
 * room with {@code since} and delivers the missed messages once, in order
 * ({@code RoomCursor}); its timers run on a {@link dev.haven.client.ClientScheduler}, which
 * tests drive by hand. Both take the same requests ({@link dev.haven.client.HavenRequests});
 * {@link dev.haven.client.HavenRoom} makes the members' tools and facilitators' commands of one
 * room. Events (messages, presence, private notices, facilitators' alerts, deleted messages,
 * room settings) and the end of the connection reach a {@link dev.haven.client.HavenListener}
 * ({@link dev.haven.client.ReconnectListener} adds the connection's losses and returns;
 * {@link dev.haven.client.AllEventsListener} takes every event in one method).
 * Frames the client does not know, such as event types of a newer server, are skipped.
 */
package dev.haven.client;
