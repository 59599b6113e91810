package dev.haven.server.care;

import dev.haven.server.care.detect.CrisisDetector;
import dev.haven.server.config.CareSettings;
import dev.haven.server.config.ConfigException;
import dev.haven.server.config.HavenConfig;
import dev.haven.server.config.ResourceCardSettings;
import dev.haven.server.resources.ResourceDirectory;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every room's duty of care shares: the detector, the helpline cards, the supervisors'
 * desk, alert ids and the settings. Made once per server; thread-safe.
 */
public record CareServices(CrisisDetector detector, ResourceDirectory resources, SupervisorDesk supervisors,
                           AlertIds alertIds, CareSettings settings, Clock clock, AlertObserver observer) {
    private static final Logger log = LoggerFactory.getLogger(CareServices.class);

    /**
     * Loads the lexicons and the cards, and warns, by card id, of every card not verified within
     * {@code resources.staleAfterDays}.
     *
     * @throws ConfigException when a lexicon cannot be read
     */
    public static CareServices create(HavenConfig config, Clock clock) {
        return create(config, clock, AlertObserver.NONE);
    }

    /**
     * @param observer hears of alerts opening, being acknowledged, escalating and closing: the
     *                 server's metrics and escalation paging
     */
    public static CareServices create(HavenConfig config, Clock clock, AlertObserver observer) {
        CrisisDetector detector;
        try {
            detector = config.care().lexicons().equals(CareSettings.defaults().lexicons())
                    ? CrisisDetector.builtin() : CrisisDetector.load(config.care().lexicons());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("care.lexicons: " + e.getMessage(), e);
        }
        ResourceDirectory resources = new ResourceDirectory(config.resources());
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        int staleAfter = config.resources().staleAfterDays();
        for (ResourceCardSettings card : resources.verifiedBefore(today, staleAfter)) {
            log.warn("resource card {} was last verified on {}, more than {} days ago: check it against {}",
                    card.id(), card.verifiedOn(), staleAfter, card.source());
        }
        return new CareServices(detector, resources, new SupervisorDesk(clock), new AlertIds(), config.care(), clock,
                observer);
    }
}
