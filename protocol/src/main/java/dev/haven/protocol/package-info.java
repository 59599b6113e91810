/**
 * The Haven wire protocol, version 1: every frame as a typed record, and the one JSON
 * codec that the server and the clients share. The contract is {@code docs/protocol.md}.
 *
 * <p>{@link dev.haven.protocol.client} holds what clients send, {@link dev.haven.protocol.server}
 * what the server sends, {@link dev.haven.protocol.model} the objects both embed.
 */
package dev.haven.protocol;
