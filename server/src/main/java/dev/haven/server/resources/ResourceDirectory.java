package dev.haven.server.resources;

import dev.haven.protocol.model.ResourceCard;
import dev.haven.server.config.ResourceCardSettings;
import dev.haven.server.config.ResourceSettings;
import dev.haven.server.config.RoomSettings;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every configured helpline card, and the ones to offer in a room. In a region, cards for the
 * room's audience come first, then general ones, then the rest, each group in configuration
 * order; the international directories follow. Immutable; thread-safe.
 */
public final class ResourceDirectory {
    /** A support notice lists at most this many cards of the room's region, then one directory. */
    public static final int REGION_CARDS_IN_NOTICE = 2;

    private final Map<String, ResourceCard> byId;
    private final List<ResourceCardSettings> settings;

    public ResourceDirectory(ResourceSettings resources) {
        this.settings = resources.cards();
        Map<String, ResourceCard> cards = new LinkedHashMap<>();
        for (ResourceCardSettings card : settings) {
            cards.put(card.id(), card.toCard());
        }
        this.byId = cards;
    }

    /** The card with this id, or null. */
    public ResourceCard find(String id) {
        return byId.get(id);
    }

    /** All cards for a room, in the order to offer them: its region's, then the international ones. */
    public List<ResourceCard> cardsFor(RoomSettings room) {
        return cardsFor(room.region(), room.audience());
    }

    /**
     * All cards of a region (or, for {@code international} or null, only the international ones),
     * the audience's first, then the international ones.
     */
    public List<ResourceCard> cardsFor(String region, String audience) {
        List<ResourceCard> result = new ArrayList<>(regionCards(region, audience, false));
        result.addAll(international(false));
        return result;
    }

    /**
     * The cards for a support notice: at most {@value #REGION_CARDS_IN_NOTICE} of the room's
     * region, then the first international directory.
     *
     * @param alwaysOpenOnly only services open at every hour, for when no facilitator is present
     */
    public List<ResourceCard> supportCards(RoomSettings room, boolean alwaysOpenOnly) {
        List<ResourceCard> result = new ArrayList<>();
        for (ResourceCard card : regionCards(room.region(), room.audience(), alwaysOpenOnly)) {
            if (result.size() == REGION_CARDS_IN_NOTICE) {
                break;
            }
            result.add(card);
        }
        international(alwaysOpenOnly).stream().findFirst().ifPresent(result::add);
        return result;
    }

    /** The cards last verified more than {@code days} days before {@code today}, to re-verify. */
    public List<ResourceCardSettings> verifiedBefore(LocalDate today, int days) {
        return settings.stream()
                .filter(card -> ChronoUnit.DAYS.between(card.verifiedDate(), today) > days)
                .toList();
    }

    public int size() {
        return byId.size();
    }

    private List<ResourceCard> regionCards(String region, String audience, boolean alwaysOpenOnly) {
        List<ResourceCard> forAudience = new ArrayList<>();
        List<ResourceCard> general = new ArrayList<>();
        List<ResourceCard> others = new ArrayList<>();
        if (region == null || ResourceCardSettings.INTERNATIONAL.equals(region)) {
            return List.of();
        }
        for (ResourceCard card : byId.values()) {
            if (!card.region().equals(region) || alwaysOpenOnly && !card.alwaysOpen()) {
                continue;
            }
            if (card.audience().equals(audience)) {
                forAudience.add(card);
            } else if (card.audience().equals("general")) {
                general.add(card);
            } else {
                others.add(card);
            }
        }
        forAudience.addAll(general);
        forAudience.addAll(others);
        return forAudience;
    }

    private List<ResourceCard> international(boolean alwaysOpenOnly) {
        return byId.values().stream()
                .filter(card -> card.region().equals(ResourceCardSettings.INTERNATIONAL))
                .filter(card -> !alwaysOpenOnly || card.alwaysOpen())
                .toList();
    }
}
