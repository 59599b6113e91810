package dev.haven.protocol.model;

import dev.haven.protocol.Fields;
import dev.haven.protocol.InvalidFieldException;

/**
 * A content warning on a message: clients show the message collapsed, with its label, until
 * the reader opens it.
 *
 * @param label what the message touches on
 * @param text  a few words of one's own, at most {@link #MAX_TEXT_CHARS} characters; required
 *              for {@code custom}, optional detail for the other labels
 */
public record ContentWarning(CwLabel label, String text) {
    public static final int MAX_TEXT_CHARS = 100;

    public ContentWarning {
        Fields.require(label, "cw.label");
        text = text == null || text.isBlank() ? null : text.strip();
        if (text != null && text.codePointCount(0, text.length()) > MAX_TEXT_CHARS) {
            throw new InvalidFieldException("field 'cw.text' must be at most " + MAX_TEXT_CHARS + " characters");
        }
        if (text != null && text.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidFieldException("field 'cw.text' must be one line without control characters");
        }
        text = Fields.cleanText(text, "cw.text");
        text = text == null || text.isBlank() ? null : text.strip();
        if (label == CwLabel.CUSTOM && text == null) {
            throw new InvalidFieldException("a 'custom' content warning needs its words in 'cw.text'");
        }
    }

    public static ContentWarning of(CwLabel label) {
        return new ContentWarning(label, null);
    }
}
