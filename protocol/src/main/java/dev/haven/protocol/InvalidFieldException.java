package dev.haven.protocol;

/**
 * Thrown by a record's constructor when a field is missing or out of range. Its message names
 * the field and never contains the field's value, so it can be shown to the client as it is.
 */
public final class InvalidFieldException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidFieldException(String message) {
        super(message);
    }
}
