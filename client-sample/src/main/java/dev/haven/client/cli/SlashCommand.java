package dev.haven.client.cli;

import java.util.Locale;

/**
 * A typed line that is a command, such as {@code /join anxiety-circle}.
 *
 * @param name      the command in lower case, with its slash
 * @param argument  the rest of the line, trimmed; empty when none
 */
record SlashCommand(String name, String argument) {
    static final String HELP = """
            Type a line to send it to the room you are in (start it with // to send a line that
            begins with /). Commands:
              /rooms       list the rooms
              /join ROOM   enter a room (you leave the one you are in)
              /leave       leave the room
              /who         who is in the room
              /help        show this list
              /quit        leave and disconnect (Ctrl-D does the same)""";

    /** The command on a line, or null for a line to send: text, or {@code //...} which sends {@code /...}. */
    static SlashCommand parse(String line) {
        String trimmed = line.strip();
        if (!trimmed.startsWith("/") || trimmed.startsWith("//")) {
            return null;
        }
        String[] words = trimmed.split("\\s+", 2);
        return new SlashCommand(words[0].toLowerCase(Locale.ROOT), words.length > 1 ? words[1].strip() : "");
    }

    /** The text a non-command line sends: as typed, with the escaping slash of {@code //} removed. */
    static String textToSend(String line) {
        return line.strip().startsWith("//") ? line.substring(line.indexOf('/') + 1) : line;
    }
}
