package dev.haven.client.cli;

import dev.haven.protocol.model.CheckinInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The private check-ins the chat is in, each with a short number to name it by ({@code #1},
 * {@code #2}, ... in the order the chat learned of them), and the one typed lines go to, if any.
 * Used by the session's thread alone.
 */
final class ChatCheckins {
    /** One check-in as the chat knows it now. */
    record Entry(int number, CheckinInfo info) {
    }

    private final Map<String, Entry> byId = new LinkedHashMap<>();
    private int numbered;
    /** The check-in typed lines go to, or null for the room. */
    private String talkingIn;

    /**
     * Takes in a check-in's new state.
     *
     * @return how it stood before, or null when it is new to the chat
     */
    Entry update(CheckinInfo info) {
        Entry before = byId.get(info.id());
        byId.put(info.id(), new Entry(before == null ? ++numbered : before.number(), info));
        return before;
    }

    /** The check-in ended: it is forgotten, and typed lines go to the room again if they went to it. */
    Entry remove(String id) {
        if (id.equals(talkingIn)) {
            talkingIn = null;
        }
        return byId.remove(id);
    }

    Entry get(String id) {
        return byId.get(id);
    }

    List<Entry> all() {
        return new ArrayList<>(byId.values());
    }

    /** The check-in a word names: its number ({@code 2} or {@code #2}) or its id. */
    Entry find(String word, String usage) throws CommandException {
        String number = word.startsWith("#") ? word.substring(1) : word;
        for (Entry entry : byId.values()) {
            if (entry.info().id().equals(word) || Integer.toString(entry.number()).equals(number)) {
                return entry;
            }
        }
        throw byId.isEmpty() ? new CommandException("not_found", "you are in no check-in")
                : CommandException.usage(usage + " (/checkins lists them by number)");
    }

    /** The check-in typed lines go to, or null. */
    Entry talkingIn() {
        return talkingIn == null ? null : byId.get(talkingIn);
    }

    void talkIn(Entry entry) {
        talkingIn = entry == null ? null : entry.info().id();
    }
}
