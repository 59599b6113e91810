package dev.haven.client.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading the words of a slash command: durations, sequence numbers, on and off. */
final class CommandArgs {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})([smhd]?)", Pattern.CASE_INSENSITIVE);

    private CommandArgs() {
    }

    /** The first word and the rest, trimmed; both empty for an empty text. */
    static String[] firstWord(String text) {
        String[] words = text.strip().split("\\s+", 2);
        return new String[] {words[0], words.length > 1 ? words[1].strip() : ""};
    }

    /**
     * A duration such as {@code 90}, {@code 90s}, {@code 5m}, {@code 2h} or {@code 1d}, in
     * seconds; null when the word is none.
     */
    static Long duration(String word) {
        Matcher m = DURATION.matcher(word);
        if (!m.matches()) {
            return null;
        }
        long value = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "m" -> value * 60;
            case "h" -> value * 3600;
            case "d" -> value * 86400;
            default -> value;
        };
    }

    /** A message's sequence number as the chat shows it: {@code 12}, {@code [12]} or {@code #12}. */
    static long seq(String word, String usage) throws CommandException {
        String digits = word.replaceFirst("^#", "").replaceFirst("^\\[(.*)]$", "$1");
        try {
            long seq = Long.parseLong(digits);
            if (seq >= 1) {
                return seq;
            }
        } catch (NumberFormatException e) {
            // Explained below.
        }
        throw CommandException.usage(usage + " (SEQ is the number in [brackets] before a message)");
    }

    /** {@code on}/{@code off} and their synonyms. */
    static boolean onOff(String word, String usage) throws CommandException {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "on", "yes", "true" -> true;
            case "off", "no", "false" -> false;
            default -> throw CommandException.usage(usage);
        };
    }

    /** A whole number from {@code min} to {@code max}. */
    static int number(String word, int min, int max, String usage) throws CommandException {
        try {
            int value = Integer.parseInt(word);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Explained below.
        }
        throw CommandException.usage(usage);
    }

    /** Null for blank text: the server takes no reason rather than an empty one. */
    static String optional(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
