package dev.haven.protocol.server;

/** @param seq the sequence number the room gave the accepted message */
public record SendResult(long seq) implements Result {
}
