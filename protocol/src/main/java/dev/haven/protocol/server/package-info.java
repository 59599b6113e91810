/**
 * Frames the server sends: {@link dev.haven.protocol.server.Ok} and
 * {@link dev.haven.protocol.server.ErrorReply} answer requests, the rest are events.
 */
package dev.haven.protocol.server;
