package dev.haven.protocol.model;

import static dev.haven.protocol.Fields.require;
import static dev.haven.protocol.Fields.requireText;

/** Who a user is: the {@code user} of a hello reply and the {@code from} of a message. */
public record UserInfo(String id, String name, Role role) {
    public UserInfo {
        requireText(id, "id");
        requireText(name, "name");
        require(role, "role");
    }
}
