package dev.haven.protocol.model;

/**
 * One member's part in the conversation over the stats window.
 *
 * @param share the member's fraction of the characters sent in the room during the window
 */
public record Participation(String id, String name, int messages, long chars, double share) {
}
