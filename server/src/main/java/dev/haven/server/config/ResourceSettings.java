package dev.haven.server.config;

import static dev.haven.server.config.ConfigException.check;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The helplines the server offers: in support notices, in answer to {@code resources}, and for
 * facilitators to share.
 *
 * @param staleAfterDays a card last verified longer ago than this is named in a warning at start
 * @param cards          the cards; in each region, the order here is the order they are offered
 */
public record ResourceSettings(int staleAfterDays, List<ResourceCardSettings> cards) {
    public ResourceSettings {
        check(staleAfterDays >= 1 && staleAfterDays <= 3650, "resources.staleAfterDays must be between 1 and 3650");
        cards = cards == null ? List.of() : List.copyOf(cards);
        Set<String> ids = new HashSet<>();
        for (ResourceCardSettings card : cards) {
            check(ids.add(card.id()), "resources.cards: the card id '" + card.id() + "' is configured twice");
        }
    }

    public static ResourceSettings none() {
        return new ResourceSettings(180, List.of());
    }
}
