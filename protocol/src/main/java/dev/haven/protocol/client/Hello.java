package dev.haven.protocol.client;

import dev.haven.protocol.InvalidFieldException;

/** The first request of a connection: a signed token, or a guest pseudonym. */
public record Hello(String id, String token, String name) implements ClientMessage {
    public Hello {
        if (token == null && name == null) {
            throw new InvalidFieldException("hello needs a 'token' or a guest 'name'");
        }
    }

    public static Hello guest(String name) {
        return new Hello(null, null, name);
    }

    public static Hello withToken(String token) {
        return new Hello(null, token, null);
    }

    @Override
    public Hello withId(String newId) {
        return new Hello(newId, token, name);
    }

    /** Keeps the token out of logs and exception messages. */
    @Override
    public String toString() {
        return "Hello[id=" + id + ", token=" + (token == null ? "none" : "***") + ", name=" + name + "]";
    }
}
