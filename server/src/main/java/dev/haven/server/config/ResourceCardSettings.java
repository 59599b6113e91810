package dev.haven.server.config;

import static dev.haven.server.config.ConfigException.check;

import dev.haven.protocol.model.ChannelType;
import dev.haven.protocol.model.ResourceCard;
import dev.haven.protocol.model.ResourceChannel;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One helpline card as configured; see {@link ResourceCard} for the fields.
 *
 * @param region     an ISO 3166-1 alpha-2 code (upper case) or {@code international}
 * @param verifiedOn the day the details were last checked against {@code source}, YYYY-MM-DD
 */
public record ResourceCardSettings(String id, String name, String region, String audience, List<Channel> channels,
                                   String hours, Boolean alwaysOpen, String source, String verifiedOn) {
    public static final String INTERNATIONAL = "international";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Pattern REGION = Pattern.compile("[A-Z]{2}");

    /** One way to reach the helpline: {@code type} is call, text, chat or web. */
    public record Channel(String type, String value, String label) {
    }

    public ResourceCardSettings {
        check(id != null && ID.matcher(id).matches(),
                "resources.cards[].id must be 1-64 characters of a-z, 0-9, '-' or '_'" + (id == null ? "" : " (got '" + id + "')"));
        String where = "resource card '" + id + "': ";
        check(name != null && !name.isBlank(), where + "name must be set");
        region = normalizeRegion(region);
        check(region != null, where + "region must be an ISO 3166-1 code such as US or GB, or international");
        audience = audience == null || audience.isBlank() ? "general" : audience.strip().toLowerCase(Locale.ROOT);
        check(channels != null && !channels.isEmpty(), where + "needs at least one channel");
        for (Channel channel : channels) {
            check(channel != null && channel.value() != null && !channel.value().isBlank(),
                    where + "every channel needs a value (a number or an address)");
            check(channel.type() != null && channelType(channel.type()) != null,
                    where + "a channel's type must be call, text, chat or web");
        }
        channels = List.copyOf(channels);
        hours = hours == null || hours.isBlank() ? null : hours.strip();
        alwaysOpen = alwaysOpen != null && alwaysOpen;
        check(source != null && !source.isBlank(), where + "source must say where its details were checked");
        check(verifiedOn != null && parseDate(verifiedOn) != null, where + "verifiedOn must be a date, YYYY-MM-DD");
    }

    /** A region as written in configuration, upper-cased; null when it is neither a code nor international. */
    public static String normalizeRegion(String region) {
        if (region == null || region.isBlank()) {
            return null;
        }
        String value = region.strip();
        if (value.equalsIgnoreCase(INTERNATIONAL)) {
            return INTERNATIONAL;
        }
        String upper = value.toUpperCase(Locale.ROOT);
        return REGION.matcher(upper).matches() ? upper : null;
    }

    public LocalDate verifiedDate() {
        return parseDate(verifiedOn);
    }

    private static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static ChannelType channelType(String type) {
        try {
            return ChannelType.fromWire(type.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The card as the protocol sends it. */
    public ResourceCard toCard() {
        List<ResourceChannel> wire = channels.stream()
                .map(c -> new ResourceChannel(channelType(c.type()), c.value().strip(),
                        c.label() == null || c.label().isBlank() ? null : c.label().strip()))
                .toList();
        return new ResourceCard(id, name.strip(), region, audience, wire, hours, alwaysOpen, source.strip(),
                verifiedDate().toString());
    }
}
