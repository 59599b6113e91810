/**
 * What a connection may ask and who answers: {@code hello}, the directory, and routing room
 * requests to their room. Independent of Netty; the transport implements
 * {@link dev.haven.server.session.Connection}.
 */
package dev.haven.server.session;
