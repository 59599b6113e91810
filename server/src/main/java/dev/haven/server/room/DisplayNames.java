package dev.haven.server.room;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import dev.haven.server.auth.GuestNames;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Names are unique within a room, so that nobody can pass for someone else there. Two names
 * clash when they look alike, not only when they are equal: they are compared by a key that
 * folds case and compatibility forms ({@code Robin}, {@code ROBIN}, {@code Ｒｏｂｉｎ}), drops
 * invisible characters (zero-width spaces, bidirectional marks) and accents, and then maps
 * each character to its prototype by the Unicode confusables data (TR39 skeleton, ICU4J's
 * {@link SpoofChecker}), so a Cyrillic {@code а} clashes with a Latin {@code a}, and
 * {@code rn} with {@code m}. A newcomer whose name is taken gets the first free suffix
 * {@code " (2)"}, {@code " (3)"}, ..., shortened at its end to stay within 32 characters.
 *
 * <p>Staff (facilitators and supervisors) keep their names: a member already present under a
 * name like a staff member's gives way when that staff member comes in ({@link StaffNames}).
 * A name otherwise holds for the visit: it does not change when the other holder leaves.
 * Stateless; the checker is immutable and shared.
 */
final class DisplayNames {
    private static final SpoofChecker CONFUSABLES = new SpoofChecker.Builder()
            .setChecks(SpoofChecker.CONFUSABLE).build();
    private static final Normalizer2 FOLD = Normalizer2.getNFKCCasefoldInstance();
    private static final Normalizer2 DECOMPOSE = Normalizer2.getNFDInstance();

    private DisplayNames() {
    }

    /** The name a newcomer who chose {@code wanted} goes by among {@code present}. */
    static String unique(String wanted, Collection<Member> present) {
        Set<String> taken = new HashSet<>();
        for (Member member : present) {
            taken.add(member.nameKey());
        }
        return unique(wanted, taken);
    }

    /**
     * The name a staff member who chose {@code wanted} goes by: clashing only with other staff
     * present, since members give way to it.
     */
    static String uniqueForStaff(String wanted, Collection<Member> present) {
        Set<String> taken = new HashSet<>();
        for (Member member : present) {
            if (member.isFacilitator()) {
                taken.add(member.nameKey());
            }
        }
        return unique(wanted, taken);
    }

    private static String unique(String wanted, Set<String> taken) {
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

    /** Whether two names look alike. */
    static boolean lookAlike(String a, String b) {
        return key(a).equals(key(b));
    }

    /** What a name looks like: equal keys, names a reader cannot tell apart. */
    static String key(String name) {
        String decomposed = DECOMPOSE.normalize(FOLD.normalize(name));
        StringBuilder visible = new StringBuilder(decomposed.length());
        boolean space = false;
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            int type = UCharacter.getType(cp);
            if (type == UCharacterCategory.NON_SPACING_MARK || type == UCharacterCategory.ENCLOSING_MARK
                    || type == UCharacterCategory.FORMAT) {
                continue;
            }
            if (UCharacter.isUWhiteSpace(cp)) {
                space = visible.length() > 0;
                continue;
            }
            if (space) {
                visible.append(' ');
                space = false;
            }
            visible.appendCodePoint(cp);
        }
        return CONFUSABLES.getSkeleton(visible);
    }

    private static String prefix(String name, int codePoints) {
        if (name.codePointCount(0, name.length()) <= codePoints) {
            return name;
        }
        return name.substring(0, name.offsetByCodePoints(0, codePoints)).strip();
    }
}
