/**
 * The Netty side: the pipeline that serves {@code /ws} and {@code /healthz} on one port
 * ({@code HavenChannelInitializer}), what is checked before a WebSocket upgrade
 * ({@code HandshakeFilter}, {@code HandshakeDeadline}), the closing handshake
 * ({@code CloseHandshake}), the per-connection handler that turns frames into requests and
 * replies back into frames, and the server's start and stop.
 */
package dev.haven.server.transport;
