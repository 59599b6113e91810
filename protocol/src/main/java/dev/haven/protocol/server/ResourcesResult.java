package dev.haven.protocol.server;

import dev.haven.protocol.model.ResourceCard;
import java.util.List;

/** The reply to {@code resources}: the helplines for the room, in the order to offer them. */
public record ResourcesResult(List<ResourceCard> cards) implements Result {
    public ResourcesResult {
        cards = List.copyOf(cards);
    }
}
