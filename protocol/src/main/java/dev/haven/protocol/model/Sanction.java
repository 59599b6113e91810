package dev.haven.protocol.model;

/**
 * A mute or a ban in force in a room.
 *
 * @param id    the user id
 * @param name  the name the user had in the room when last seen there, or null when unknown
 * @param until when it ends (epoch ms), or null for "until lifted"
 */
public record Sanction(String id, String name, Long until) {
}
