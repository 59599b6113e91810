package dev.haven.client.cli;

/**
 * A command the chat refuses before sending anything: bad usage, a name that names nobody or
 * several people, no room to act in. Shown as {@code ! <code>: <message>}.
 */
final class CommandException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String code;

    CommandException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    static CommandException usage(String message) {
        return new CommandException("usage", message);
    }

    String code() {
        return code;
    }
}
