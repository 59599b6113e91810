package dev.haven.client.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds whom a command names, from the people the chat knows (the presence list, members
 * waiting, members who left). The name comes first in the command's argument: in double
 * quotes, or else the longest run of leading words that is someone's name or id (so a name
 * with spaces needs no quotes), or else the first word. A user id matches exactly and wins
 * over names, so an id always reaches the one it belongs to, whatever others call themselves;
 * a name matches case-insensitively, and a name two people share is refused as ambiguous.
 */
final class MemberResolver {
    /** Someone a command may name. */
    record Person(String id, String name) {
    }

    /** Whom the argument names, and the rest of the argument after the name (trimmed; empty when none). */
    record Match(Person person, String rest) {
    }

    private static final Pattern WORD = Pattern.compile("\\S+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private MemberResolver() {
    }

    /**
     * @param where where the people are, for messages: "in the room", "waiting to join"
     * @throws CommandException no name given, nobody by that name or id, or several people by that name
     */
    static Match resolve(String argument, Collection<Person> people, String where) throws CommandException {
        Split split = split(argument, people);
        return new Match(find(split.name(), people, where), split.rest());
    }

    /** Only the name part of an argument and the rest, as {@link #resolve} reads them, without finding anyone. */
    static Split split(String argument, Collection<Person> people) throws CommandException {
        String text = argument == null ? "" : argument.strip();
        if (text.isEmpty()) {
            throw CommandException.usage("say whom: a name from /who, or a user id");
        }
        if (text.startsWith("\"")) {
            int close = text.indexOf('"', 1);
            if (close < 0) {
                throw CommandException.usage("a quoted name needs its closing quote");
            }
            return new Split(text.substring(1, close).strip(), text.substring(close + 1).strip());
        }
        List<Integer> ends = new ArrayList<>();
        Matcher words = WORD.matcher(text);
        while (words.find()) {
            ends.add(words.end());
        }
        for (int count = ends.size(); count > 1; count--) {
            String candidate = text.substring(0, ends.get(count - 1));
            if (!matches(candidate, people).isEmpty()) {
                return new Split(candidate, text.substring(ends.get(count - 1)).strip());
            }
        }
        return new Split(text.substring(0, ends.get(0)), text.substring(ends.get(0)).strip());
    }

    /** The name part of an argument, and the rest. */
    record Split(String name, String rest) {
    }

    /** The one person a name or id stands for. */
    static Person find(String nameOrId, Collection<Person> people, String where) throws CommandException {
        if (nameOrId.isEmpty()) {
            throw CommandException.usage("say whom: a name from /who, or a user id");
        }
        List<Person> found = matches(nameOrId, people);
        if (found.size() == 1) {
            return found.get(0);
        }
        String shown = Transcript.clean(nameOrId);
        if (found.isEmpty()) {
            throw new CommandException("unknown_member", "nobody called \"" + shown + "\" is " + where
                    + " (/who lists who is here)");
        }
        throw new CommandException("ambiguous_member", found.size() + " people " + where + " are called \""
                + shown + "\"; use the user id of the one you mean: "
                + found.stream().map(p -> Transcript.clean(p.id())).collect(Collectors.joining(", ")));
    }

    /** The person whose id this is; else everyone called by this name. */
    private static List<Person> matches(String nameOrId, Collection<Person> people) {
        for (Person person : people) {
            if (nameOrId.equals(person.id())) {
                return List.of(person);
            }
        }
        String wanted = normalize(nameOrId);
        List<Person> named = new ArrayList<>(2);
        for (Person person : people) {
            if (person.name() != null && normalize(person.name()).equals(wanted) && !named.contains(person)) {
                named.add(person);
            }
        }
        return named;
    }

    /** Case and runs of spaces do not matter in a name. */
    private static String normalize(String name) {
        return SPACES.matcher(name.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }
}
