package dev.haven.protocol.model;

import static dev.haven.protocol.Fields.requireText;

/**
 * A supervisor on duty.
 *
 * @param since when it went on duty (epoch ms)
 */
public record OnDuty(String id, String name, long since) {
    public OnDuty {
        requireText(id, "id");
        requireText(name, "name");
    }
}
