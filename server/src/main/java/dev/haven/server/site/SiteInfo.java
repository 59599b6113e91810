package dev.haven.server.site;

import dev.haven.protocol.model.ResourceCard;
import dev.haven.server.config.HavenConfig;
import dev.haven.server.config.SiteSettings;
import dev.haven.server.resources.ResourceDirectory;
import java.util.List;

/**
 * The web page's welcome, as {@code GET /site.json} serves it: everything a newcomer should
 * know before choosing a name, taken from the configuration so it is true of this server.
 *
 * @param operator           who runs this server, or null when the operator has not said
 * @param neutralTitle       the browser tab's title on every screen
 * @param quickExitUrl       where the quick exit goes
 * @param region             the region of the helplines below, or null
 * @param emergencyNumber    that region's emergency number, or null
 * @param allowGuests        whether a pseudonym without a token is accepted
 * @param historyHours       how long a room holds a message at most (in memory only)
 * @param historyMessages    how many messages a room holds at most
 * @param guestResumeHours   how long a guest can come back as the same guest (0: not at all)
 * @param helplines          the region's helplines, then the international directories
 */
public record SiteInfo(String operator, String neutralTitle, String quickExitUrl, String region,
                       String emergencyNumber, boolean allowGuests, long historyHours, int historyMessages,
                       long guestResumeHours, List<ResourceCard> helplines) {

    public static SiteInfo of(HavenConfig config) {
        SiteSettings site = config.site();
        List<ResourceCard> cards = new ResourceDirectory(config.resources()).cardsFor(site.region(), null);
        return new SiteInfo(site.operator(), site.neutralTitle(), site.quickExitUrl(), site.region(),
                site.emergencyNumber(), config.auth().allowGuests(),
                Math.max(1, Math.round(config.history().maxAgeSeconds() / 3600.0)), config.history().maxMessages(),
                Math.round(config.auth().guestResumeSeconds() / 3600.0), List.copyOf(cards));
    }
}
