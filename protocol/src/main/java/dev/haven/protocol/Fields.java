package dev.haven.protocol;

/** Checks shared by the records' constructors. Messages name fields, never values. */
public final class Fields {
    private Fields() {
    }

    public static String requireText(String value, String field) {
        if (value == null) {
            throw new InvalidFieldException("field '" + field + "' is required");
        }
        if (value.isBlank()) {
            throw new InvalidFieldException("field '" + field + "' must not be empty");
        }
        return value;
    }

    /** The longest tag a client may attach to its own message; it is stored and echoed to everyone. */
    public static final int MAX_CLIENT_ID_CHARS = 64;

    /**
     * Message text, checked and cleaned: not blank; no control character (C0 or C1) other than
     * line feed and tab, which could rewrite what a terminal shows or hide text from a reader;
     * then {@link #cleanText}: no lone surrogate, and the bidirectional embeddings, overrides
     * and isolates, which can make text read backwards or pass for other text, taken out.
     *
     * @return the text without bidirectional controls
     */
    public static String requireMessageText(String value, String field) {
        requireText(value, field);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\t') {
                throw new InvalidFieldException("field '" + field
                        + "' must not contain control characters other than line feed and tab");
            }
        }
        return requireText(cleanText(value, field), field);
    }

    /**
     * Text people write for others, cleaned: no C1 control character (U+007F-U+009F), which
     * some terminals obey as commands; no lone surrogate, which is not text at all; and without
     * the bidirectional controls ({@link #isBidiControl}), which are taken out.
     *
     * @return the text without bidirectional controls; null for null
     */
    public static String cleanText(String value, String field) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x7F && c <= 0x9F) {
                throw new InvalidFieldException("field '" + field
                        + "' must not contain control characters other than line feed and tab");
            }
        }
        if (hasLoneSurrogate(value)) {
            throw new InvalidFieldException("field '" + field + "' must be valid Unicode text");
        }
        return withoutBidiControls(value);
    }

    /**
     * The bidirectional embeddings, overrides and isolates: U+202A-U+202E (LRE, RLE, PDF, LRO,
     * RLO) and U+2066-U+2069 (LRI, RLI, FSI, PDI). Marks (LRM, RLM) are not among them.
     */
    public static boolean isBidiControl(int codePoint) {
        return (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }

    /** Whether the text holds a surrogate that is not half of a pair. */
    public static boolean hasLoneSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** The text with every bidirectional control taken out. */
    public static String withoutBidiControls(String value) {
        if (value == null || value.codePoints().noneMatch(Fields::isBidiControl)) {
            return value;
        }
        StringBuilder clean = new StringBuilder(value.length());
        value.codePoints().filter(cp -> !isBidiControl(cp)).forEach(clean::appendCodePoint);
        return clean.toString();
    }

    public static String optionalClientId(String value, String field) {
        if (value != null && value.length() > MAX_CLIENT_ID_CHARS) {
            throw new InvalidFieldException("field '" + field + "' must be at most " + MAX_CLIENT_ID_CHARS
                    + " characters");
        }
        return value;
    }

    public static <T> T require(T value, String field) {
        if (value == null) {
            throw new InvalidFieldException("field '" + field + "' is required");
        }
        return value;
    }

    public static Long requireNonNegative(Long value, String field) {
        if (value != null && value < 0) {
            throw new InvalidFieldException("field '" + field + "' must not be negative");
        }
        return value;
    }

    /** The longest reason or private note a facilitator or reporter may write. */
    public static final int MAX_REASON_CHARS = 500;

    public static String optionalText(String value, String field) {
        return value == null ? null : requireText(value, field);
    }

    /**
     * A reason, a warning's words or another short text a person writes for another: at most
     * {@link #MAX_REASON_CHARS} code points, {@link #cleanText cleaned}. Blank is absent.
     */
    public static String optionalReason(String value, String field) {
        if (value != null && value.codePointCount(0, value.length()) > MAX_REASON_CHARS) {
            throw new InvalidFieldException("field '" + field + "' must be at most " + MAX_REASON_CHARS + " characters");
        }
        String clean = cleanText(value, field);
        return clean == null || clean.isBlank() ? null : clean;
    }

    public static String requireReason(String value, String field) {
        return requireText(optionalReason(requireText(value, field), field), field);
    }

    public static Long requirePositive(Long value, String field) {
        require(value, field);
        if (value < 1) {
            throw new InvalidFieldException("field '" + field + "' must be at least 1");
        }
        return value;
    }

    public static Long optionalDuration(Long seconds, String field, long max) {
        if (seconds != null && (seconds < 1 || seconds > max)) {
            throw new InvalidFieldException("field '" + field + "' must be a whole number from 1 to " + max);
        }
        return seconds;
    }
}
