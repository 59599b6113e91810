package dev.haven.server.care;

import dev.haven.server.care.detect.CrisisDetector;
import dev.haven.server.care.model.ModelUnavailableException;
import dev.haven.server.care.model.SecondStage;
import dev.haven.server.config.CareSettings;
import dev.haven.server.config.ConfigException;
import dev.haven.server.config.HavenConfig;
import dev.haven.server.config.ResourceCardSettings;
import dev.haven.server.resources.ResourceDirectory;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every room's duty of care shares: the detector and its second stage, the helpline cards,
 * the supervisors' desk, alert ids and the settings. Made once per server; thread-safe.
 *
 * @param secondStage the model that reads what the lexicon did not alert on; null with
 *                    {@code care.model: off}
 */
public record CareServices(CrisisDetector detector, SecondStage secondStage, ResourceDirectory resources,
                           SupervisorDesk supervisors, AlertIds alertIds, CareSettings settings, Clock clock,
                           AlertObserver observer) {
    private static final Logger log = LoggerFactory.getLogger(CareServices.class);

    /**
     * Loads the lexicons, the model (once per process, with {@code care.model: on}) and the cards,
     * and warns, by card id, of every card not verified within {@code resources.staleAfterDays}.
     *
     * @throws ConfigException when a lexicon cannot be read, or the model is on and cannot be loaded
     */
    public static CareServices create(HavenConfig config, Clock clock) {
        return create(config, clock, AlertObserver.NONE);
    }

    /**
     * @param observer hears of alerts opening, being acknowledged, escalating and closing: the
     *                 server's metrics and escalation paging
     */
    public static CareServices create(HavenConfig config, Clock clock, AlertObserver observer) {
        return create(config, clock, observer, SecondStage::shared);
    }

    /** @param model the process's second stage, asked for only with {@code care.model: on} */
    static CareServices create(HavenConfig config, Clock clock, AlertObserver observer, Supplier<SecondStage> model) {
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
        SecondStage secondStage = null;
        if (config.care().modelOn()) {
            try {
                secondStage = model.get();
            } catch (ModelUnavailableException e) {
                throw new ConfigException("care.model is on, but the crisis model cannot be loaded (" + e.getMessage()
                        + "); set care.model: off to run with the lexicon alone", e);
            }
        }
        return new CareServices(detector, secondStage, resources, new SupervisorDesk(clock), new AlertIds(),
                config.care(), clock, observer);
    }

    /** The same services with another second stage: a room test's own, or none. */
    public CareServices withSecondStage(SecondStage stage) {
        return new CareServices(detector, stage, resources, supervisors, alertIds, settings, clock, observer);
    }
}
