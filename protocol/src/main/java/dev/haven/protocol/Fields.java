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
}
