package dev.haven.protocol.client;

import dev.haven.protocol.InvalidFieldException;

/**
 * The first request of a connection: a signed token, a guest pseudonym, or a guest's
 * {@code resume} from an earlier {@code hello}, which makes it the same guest again.
 *
 * @param resume the opaque string a guest's earlier {@code hello} reply carried; at most
 *               {@link #MAX_RESUME_CHARS} characters
 */
public record Hello(String id, String token, String name, String resume) implements ClientMessage {
    public static final int MAX_RESUME_CHARS = 1024;

    public Hello {
        if (token == null && name == null && resume == null) {
            throw new InvalidFieldException("hello needs a 'token', a guest 'name' or a guest's 'resume'");
        }
        if (resume != null && (resume.isEmpty() || resume.length() > MAX_RESUME_CHARS)) {
            throw new InvalidFieldException("field 'resume' must be 1 to " + MAX_RESUME_CHARS + " characters");
        }
    }

    public Hello(String id, String token, String name) {
        this(id, token, name, null);
    }

    public static Hello guest(String name) {
        return new Hello(null, null, name, null);
    }

    public static Hello withToken(String token) {
        return new Hello(null, token, null, null);
    }

    /** The same guest again, by the {@code resume} of an earlier hello. */
    public static Hello resuming(String resume) {
        return new Hello(null, null, null, resume);
    }

    @Override
    public Hello withId(String newId) {
        return new Hello(newId, token, name, resume);
    }

    /** Keeps the token and the resume out of logs and exception messages. */
    @Override
    public String toString() {
        return "Hello[id=" + id + ", token=" + (token == null ? "none" : "***") + ", name=" + name
                + ", resume=" + (resume == null ? "none" : "***") + "]";
    }
}
