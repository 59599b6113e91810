package dev.haven.server.config;

import static dev.haven.server.config.ConfigException.check;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * What the web page says about this server before anyone signs in, and how it hides.
 *
 * @param operator         one line saying who runs this server ("Run by the Riverside Clinic's
 *                         peer support team"); null when the operator has not said
 * @param neutralTitle     the browser tab's title on every screen: it never names a group or says
 *                         "support", so a glance at the tab, the history or a bookmark tells
 *                         nothing; null for {@link #DEFAULT_NEUTRAL_TITLE}
 * @param quickExitUrl     where the quick exit (a button, or Esc twice) takes the page: an
 *                         {@code https} or {@code http} address of an everyday site; null for
 *                         {@link #DEFAULT_QUICK_EXIT_URL}
 * @param region           the country (ISO 3166-1 code) whose helplines and emergency number the
 *                         page shows before sign-in; null for the international directories only
 * @param emergencyNumber  the emergency number of that region ("911"); null to say "your local
 *                         emergency number"
 * @param guidelinesNotice a short paragraph added after every room's guidelines (what is read
 *                         automatically, who sees what, that messages never train models, that this
 *                         is not an emergency service); null or blank for none
 */
public record SiteSettings(String operator, String neutralTitle, String quickExitUrl, String region,
                           String emergencyNumber, String guidelinesNotice) {
    public static final String DEFAULT_NEUTRAL_TITLE = "Haven";
    public static final String DEFAULT_QUICK_EXIT_URL = "https://www.google.com/";
    private static final int MAX_LINE_CHARS = 300;
    private static final int MAX_NOTICE_CHARS = 2000;

    public SiteSettings {
        operator = blankToNull(operator);
        check(operator == null || operator.length() <= MAX_LINE_CHARS,
                "site.operator must be at most " + MAX_LINE_CHARS + " characters");
        neutralTitle = neutralTitle == null || neutralTitle.isBlank() ? DEFAULT_NEUTRAL_TITLE : neutralTitle.strip();
        check(neutralTitle.length() <= 60, "site.neutralTitle must be at most 60 characters");
        quickExitUrl = quickExitUrl == null || quickExitUrl.isBlank() ? DEFAULT_QUICK_EXIT_URL : quickExitUrl.strip();
        check(isWebAddress(quickExitUrl), "site.quickExitUrl must be an http:// or https:// address (got '"
                + quickExitUrl + "')");
        String regionCode = ResourceCardSettings.normalizeRegion(region);
        check(region == null || regionCode != null,
                "site.region must be an ISO 3166-1 code such as US or GB, or international");
        region = regionCode;
        emergencyNumber = blankToNull(emergencyNumber);
        check(emergencyNumber == null || emergencyNumber.matches("[0-9 +\\-]{2,20}"),
                "site.emergencyNumber must be a phone number such as 911 or 112");
        guidelinesNotice = blankToNull(guidelinesNotice);
        check(guidelinesNotice == null || guidelinesNotice.length() <= MAX_NOTICE_CHARS,
                "site.guidelinesNotice must be at most " + MAX_NOTICE_CHARS + " characters");
    }

    /** What a configuration without a {@code site} section gets: nothing said, no notice in the guidelines. */
    public static SiteSettings defaults() {
        return new SiteSettings(null, null, null, null, null, null);
    }

    public SiteSettings withGuidelinesNotice(String notice) {
        return new SiteSettings(operator, neutralTitle, quickExitUrl, region, emergencyNumber, notice);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static boolean isWebAddress(String address) {
        try {
            URI uri = new URI(address);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
