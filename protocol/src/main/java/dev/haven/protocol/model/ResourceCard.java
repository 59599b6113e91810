package dev.haven.protocol.model;

import dev.haven.protocol.Fields;
import java.util.List;

/**
 * A helpline or directory a member can turn to, from the server's configuration.
 *
 * @param region     the ISO 3166-1 code of the country it serves (e.g. {@code US}, {@code GB}), or
 *                   {@code international}
 * @param audience   who it is for: {@code general}, or a group such as {@code veterans}
 * @param hours      when it is open, in words (e.g. "24/7")
 * @param alwaysOpen whether it is open at every hour of every day
 * @param source     where its details were checked (an address)
 * @param verifiedOn the day its details were last checked against the source (YYYY-MM-DD)
 */
public record ResourceCard(String id, String name, String region, String audience, List<ResourceChannel> channels,
                           String hours, boolean alwaysOpen, String source, String verifiedOn) {
    public ResourceCard {
        Fields.requireText(id, "id");
        Fields.requireText(name, "name");
        Fields.requireText(region, "region");
        Fields.requireText(audience, "audience");
        channels = channels == null ? List.of() : List.copyOf(channels);
    }
}
