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
     * Message text: not blank, and no control characters other than line feed and tab, which
     * could rewrite what a terminal shows or hide text from a reader.
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
        return value;
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

    public static String optionalReason(String value, String field) {
        if (value != null && value.codePointCount(0, value.length()) > MAX_REASON_CHARS) {
            throw new InvalidFieldException("field '" + field + "' must be at most " + MAX_REASON_CHARS + " characters");
        }
        return value == null || value.isBlank() ? null : value;
    }

    public static String requireReason(String value, String field) {
        return optionalReason(requireText(value, field), field);
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
