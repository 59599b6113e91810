package dev.haven.protocol.server;

/** The reply to {@code round_start}: the new round's id, which its {@code round} events carry. */
public record RoundStarted(String roundId) implements Result {
}
