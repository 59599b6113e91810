package dev.haven.server.config;

import static dev.haven.server.config.ConfigException.check;

import dev.haven.protocol.model.RoomCategory;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One support-group room as configured.
 *
 * @param guidelines the group's guidelines; members accept them when joining; null for none
 * @param locked     no new members may join (facilitators still may)
 */
public record RoomSettings(String id, String name, RoomCategory category, String topic, List<String> tags,
                           Integer capacity, String guidelines, Boolean locked) {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    public RoomSettings {
        check(id != null && ID.matcher(id).matches(),
                "rooms[].id must be 1-64 characters of a-z, 0-9, '-' or '_', starting with a letter or digit"
                        + (id == null ? "" : " (got '" + id + "')"));
        check(name != null && !name.isBlank(), "room '" + id + "': name must be set");
        check(category != null, "room '" + id + "': category must be condition, demographic or general");
        check(capacity != null && capacity >= 1 && capacity <= 100_000, "room '" + id + "': capacity must be between 1 and 100000");
        locked = locked != null && locked;
        topic = topic == null ? "" : topic;
        tags = tags == null ? List.of() : List.copyOf(tags);
        guidelines = guidelines == null || guidelines.isBlank() ? null : guidelines.strip();
    }
}
