package dev.haven.server.room;

import dev.haven.protocol.client.Join;

/**
 * A room's group guidelines and their version. The version rises whenever a facilitator
 * replaces the text; a member accepts the version it read when it joins, and must accept
 * again after a change before it may write. The server's notice (what is read automatically,
 * who sees what; {@code site.guidelinesNotice}) follows the room's own text as its last
 * paragraph, also after a facilitator replaced the text. Used on the room's executor alone.
 */
final class Guidelines {
    private final String notice;
    private String text;
    private int version;

    Guidelines(String text, int version) {
        this(text, version, null);
    }

    /** @param notice the paragraph after the room's own text, or null for none */
    Guidelines(String text, int version, String notice) {
        this.text = text;
        this.version = version;
        this.notice = notice;
    }

    /** The text, with the server's notice after it, or null when the room has none. */
    String text() {
        return text == null || notice == null ? text : text + "\n\n" + notice;
    }

    /** The room's own text, without the server's notice, or null. */
    String ownText() {
        return text;
    }

    int version() {
        return version;
    }

    void replace(String newText) {
        text = newText;
        version++;
    }

    /** Operators' new text or version (see {@code RoomOperations}). */
    void replaceWith(String newText, int newVersion) {
        text = newText;
        version = newVersion;
    }

    /** Whether this member may write as far as the guidelines go. */
    boolean accepted(Member member) {
        return text == null || member.isFacilitator() || member.acceptedGuidelines() == version;
    }

    /** Why a join does not accept the current guidelines, for the client; null when it does. */
    String refusal(Join request) {
        if (text == null) {
            return null;
        }
        if (request.guidelinesVersion() != null && request.guidelinesVersion() != version) {
            return "the group's guidelines have changed since you read them (now version " + version
                    + "): read them again and join with acceptGuidelines true";
        }
        if (!Boolean.TRUE.equals(request.acceptGuidelines())) {
            return "this room asks members to accept its guidelines: join with acceptGuidelines true";
        }
        return null;
    }
}
