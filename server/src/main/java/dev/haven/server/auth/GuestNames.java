package dev.haven.server.auth;

import dev.haven.protocol.InvalidFieldException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Display names and the ids given to guests. */
public final class GuestNames {
    public static final int MAX_NAME_CHARS = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private GuestNames() {
    }

    /**
     * A display name trimmed and checked: 1 to 32 characters, no control characters.
     *
     * @throws InvalidFieldException with a message fit for the client
     */
    public static String clean(String name) {
        String trimmed = name == null ? "" : name.strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length < 1 || length > MAX_NAME_CHARS) {
            throw new InvalidFieldException("a name must be 1 to " + MAX_NAME_CHARS + " characters");
        }
        if (trimmed.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidFieldException("a name must not contain control characters");
        }
        return trimmed;
    }

    /**
     * A guest's pseudonym: {@link #clean} and free of contact details ({@link ContactDetails}).
     *
     * @throws InvalidFieldException with a message fit for the client, which never quotes the name
     */
    public static String cleanPseudonym(String name) {
        String cleaned = clean(name);
        String found = ContactDetails.find(cleaned);
        if (found != null) {
            throw new InvalidFieldException("a pseudonym must not contain " + found
                    + ": it would let people find or reach you outside the group; choose another name");
        }
        return cleaned;
    }

    /** A fresh id for a guest session: not guessable, never reused. */
    public static String newGuestId() {
        byte[] bytes = new byte[9];
        RANDOM.nextBytes(bytes);
        return "guest-" + HexFormat.of().formatHex(bytes);
    }
}
