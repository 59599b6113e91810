package dev.haven.server.auth;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds a way to reach or identify someone in a short text such as a pseudonym: a web
 * address, an e-mail address or a phone number. A pseudonym is meant to protect its holder;
 * one that carries contact details would undo that, or invite members to take a conversation
 * out of the group. The text is compared in Unicode compatibility form (NFKC), so full-width
 * letters and digits do not slip past.
 */
public final class ContactDetails {
    private static final Pattern EMAIL = Pattern.compile(
            "[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}");
    private static final Pattern WEB = Pattern.compile(
            "[a-z][a-z0-9+.-]*://|(?<![\\p{L}\\p{N}])www\\.|[\\p{L}\\p{N}-]\\.[\\p{L}\\p{N}-]+/"
                    + "|(?<![\\p{L}\\p{N}])[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.(?:com|net|org|info|biz|io|co"
                    + "|me|app|dev|ly|gg|tv|us|uk|de|fr|ca|au|nz|ie|in|eu|xyz|online|site|link|page|social|chat"
                    + "|club|shop)(?![\\p{L}\\p{N}])");
    /** Seven or more digits, which may be split by spaces, dots, dashes or brackets. */
    private static final Pattern PHONE = Pattern.compile("\\d(?:[\\s().\\-/]*\\d){6,}");

    private ContactDetails() {
    }

    /** What kind of contact detail the text holds, in words ("an e-mail address"), or null for none. */
    public static String find(String text) {
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        if (EMAIL.matcher(normal).find()) {
            return "an e-mail address";
        }
        if (WEB.matcher(normal).find()) {
            return "a web address";
        }
        if (PHONE.matcher(normal).find()) {
            return "a phone number";
        }
        return null;
    }
}
