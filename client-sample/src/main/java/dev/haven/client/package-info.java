/**
 * A small client library for the Haven protocol, on the JDK's {@link java.net.http.WebSocket}.
 *
 * <p>{@link dev.haven.client.HavenClient} connects, numbers requests and matches each reply to
 * its request by id; a failed request completes with a {@link dev.haven.client.HavenErrorException}.
 * {@link dev.haven.client.HavenRoom} makes the members' tools and facilitators' commands of one
 * room. Events (messages, presence, private notices, facilitators' alerts, deleted messages,
 * room settings) and the end of the connection reach a {@link dev.haven.client.HavenListener}.
 * Frames the client does not know, such as event types of a newer server, are skipped.
 */
package dev.haven.client;
