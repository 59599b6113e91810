package dev.haven.server.auth;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import dev.haven.protocol.Fields;
import dev.haven.protocol.InvalidFieldException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Display names and the ids given to guests. */
public final class GuestNames {
    public static final int MAX_NAME_CHARS = 32;

    /**
     * One generator per thread: the default {@code SecureRandom} (NativePRNG) takes a lock shared
     * by the whole process and reads {@code /dev/urandom} on each call, which made event loops
     * wait on one another in a wave of hellos. A DRBG (NIST SP 800-90A, seeded from the system's
     * entropy once per thread, reseeded by itself) gives unguessable ids without either.
     */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(GuestNames::newRandom);
    private static final HexFormat HEX = HexFormat.of();
    private static final int BLANK_BRAILLE = 0x2800;

    private GuestNames() {
    }

    /**
     * A display name trimmed and checked: 1 to 32 characters; no control characters (C0 or C1);
     * no bidirectional embedding, override or isolate (U+202A-U+202E, U+2066-U+2069), which
     * could make a name read as another; no lone surrogate; and something visible once
     * invisible characters (default-ignorable code points such as zero-width spaces, format
     * characters, spaces) are set aside.
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
        if (trimmed.codePoints().anyMatch(Fields::isBidiControl)) {
            throw new InvalidFieldException("a name must not contain characters that change the direction of text");
        }
        if (Fields.hasLoneSurrogate(trimmed)) {
            throw new InvalidFieldException("a name must be valid Unicode text");
        }
        if (trimmed.codePoints().allMatch(GuestNames::isInvisible)) {
            throw new InvalidFieldException("a name must contain visible characters");
        }
        return trimmed;
    }

    /**
     * Whether a code point shows nothing by itself: a default-ignorable code point (zero-width
     * spaces and joiners, bidirectional marks, the Hangul filler...), a format character, white
     * space, or the blank Braille pattern.
     */
    static boolean isInvisible(int codePoint) {
        return UCharacter.hasBinaryProperty(codePoint, UProperty.DEFAULT_IGNORABLE_CODE_POINT)
                || UCharacter.getType(codePoint) == UCharacterCategory.FORMAT
                || UCharacter.isUWhiteSpace(codePoint)
                || codePoint == BLANK_BRAILLE;
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
        RANDOM.get().nextBytes(bytes);
        return "guest-" + HEX.formatHex(bytes);
    }

    private static SecureRandom newRandom() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            // Every Java 17 runtime has DRBG; this is for one that would not.
            return new SecureRandom();
        }
    }
}
