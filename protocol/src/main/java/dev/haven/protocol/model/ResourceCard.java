package dev.haven.protocol.model;

import java.util.List;

/**
 * A helpline or service members can turn to, as configured for a room's region and audience.
 *
 * @param channels   how to reach it: {@code {type: call|text|chat|web, value}}
 * @param verifiedOn when someone last checked the details (ISO date)
 */
public record ResourceCard(String id, String name, String region, String audience, List<Channel> channels,
                           String hours, String source, String verifiedOn) {
    public ResourceCard {
        channels = channels == null ? List.of() : List.copyOf(channels);
    }

    /** One way to reach a service: {@code type} is {@code call}, {@code text}, {@code chat} or {@code web}. */
    public record Channel(String type, String value) {
    }
}
