package dev.haven.server.resources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.protocol.model.ResourceCard;
import dev.haven.protocol.model.RoomCategory;
import dev.haven.server.config.ConfigLoader;
import dev.haven.server.config.ResourceCardSettings;
import dev.haven.server.config.ResourceSettings;
import dev.haven.server.config.RoomSettings;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceDirectoryTest {
    private final ResourceDirectory directory = new ResourceDirectory(new ConfigLoader().load(null, Map.of()).resources());

    private static RoomSettings room(String region, String audience) {
        return new RoomSettings("r", "R", RoomCategory.GENERAL, "t", List.of(), 5, null, false, region, audience, null);
    }

    private static List<String> ids(List<ResourceCard> cards) {
        return cards.stream().map(ResourceCard::id).toList();
    }

    @Test
    void supportCards_areTwoOfTheRegion_audienceFirst_thenOneDirectory() {
        assertThat(ids(directory.supportCards(room("US", null), false)))
                .containsExactly("us-988", "us-crisis-text-line", "int-findahelpline");
        assertThat(ids(directory.supportCards(room("US", "veterans"), false)))
                .containsExactly("us-veterans-crisis-line", "us-988", "int-findahelpline");
        assertThat(ids(directory.supportCards(room("US", "older-adults"), false)))
                .containsExactly("us-friendship-line", "us-988", "int-findahelpline");
        assertThat(ids(directory.supportCards(room("GB", null), false)))
                .containsExactly("gb-samaritans", "gb-shout", "int-findahelpline");
    }

    @Test
    void supportCards_withoutARegion_areTheDirectoryAlone() {
        assertThat(ids(directory.supportCards(room(null, null), false))).containsExactly("int-findahelpline");
    }

    @Test
    void supportCards_alwaysOpenOnly_leavesOutServicesWithHours() {
        ResourceDirectory withHours = new ResourceDirectory(new ResourceSettings(180, List.of(
                card("day-line", "US", false), card("night-line", "US", true), card("dir", "international", true))));
        assertThat(ids(withHours.supportCards(room("US", null), true))).containsExactly("night-line", "dir");
        assertThat(ids(withHours.supportCards(room("US", null), false))).containsExactly("day-line", "night-line", "dir");
    }

    @Test
    void cardsFor_regionListsEveryCardOfIt_thenTheDirectories() {
        assertThat(ids(directory.cardsFor("CA", null))).containsExactly("ca-988", "int-findahelpline", "int-iasp");
        assertThat(ids(directory.cardsFor("international", null))).containsExactly("int-findahelpline", "int-iasp");
        assertThat(ids(directory.cardsFor("US", "lgbtq"))).startsWith("us-trevor-project", "us-988");
    }

    @Test
    void verifiedBefore_namesCardsOlderThanTheLimit() {
        ResourceDirectory old = new ResourceDirectory(new ResourceSettings(180, List.of(
                card("fresh", "US", true, "2026-06-01"), card("stale", "US", true, "2025-01-01"))));
        assertThat(old.verifiedBefore(LocalDate.parse("2026-11-26"), 180)).extracting(ResourceCardSettings::id)
                .containsExactly("stale");
    }

    private static ResourceCardSettings card(String id, String region, boolean alwaysOpen) {
        return card(id, region, alwaysOpen, "2026-11-26");
    }

    private static ResourceCardSettings card(String id, String region, boolean alwaysOpen, String verifiedOn) {
        return new ResourceCardSettings(id, id, region, "general",
                List.of(new ResourceCardSettings.Channel("call", "123", null)), "9-5", alwaysOpen, "https://example.org",
                verifiedOn);
    }
}
