package dev.haven.protocol.client;

/** Asks for an empty {@code ok}: a liveness check at the protocol level. */
public record Ping(String id) implements ClientMessage {
    @Override
    public Ping withId(String newId) {
        return new Ping(newId);
    }
}
