package dev.haven.server.room;

import dev.haven.server.auth.GuestNames;
import java.text.Normalizer;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Names are unique within a room, so that nobody can pass for someone else there. A name
 * already taken, compared without regard to case or Unicode compatibility forms ({@code Robin},
 * {@code ROBIN} and {@code Ｒｏｂｉｎ} clash), gets the first free suffix {@code " (2)"},
 * {@code " (3)"}, ..., shortened at its end to stay within 32 characters. The name holds for
 * the visit: it does not change when the other holder leaves.
 */
final class DisplayNames {
    private DisplayNames() {
    }

    /** The name a newcomer who chose {@code wanted} goes by among {@code present}. */
    static String unique(String wanted, Collection<Member> present) {
        Set<String> taken = new HashSet<>();
        for (Member member : present) {
            taken.add(key(member.name()));
        }
        if (!taken.contains(key(wanted))) {
            return wanted;
        }
        // At most one candidate per member present is taken, so this ends by then.
        for (int n = 2; ; n++) {
            String suffix = " (" + n + ")";
            String candidate = prefix(wanted, GuestNames.MAX_NAME_CHARS - suffix.length()) + suffix;
            if (!taken.contains(key(candidate))) {
                return candidate;
            }
        }
    }

    private static String key(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
    }

    private static String prefix(String name, int codePoints) {
        if (name.codePointCount(0, name.length()) <= codePoints) {
            return name;
        }
        return name.substring(0, name.offsetByCodePoints(0, codePoints)).strip();
    }
}
