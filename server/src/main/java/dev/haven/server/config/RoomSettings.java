package dev.haven.server.config;

import static dev.haven.server.config.ConfigException.check;

import dev.haven.protocol.model.RoomCategory;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One support-group room as configured.
 *
 * @param guidelines         the group's guidelines; members accept them when joining; null for none
 * @param locked             no new members may join (facilitators still may)
 * @param region             the country of the room's members, an ISO 3166-1 code, for its helplines;
 *                           null for the international directories only
 * @param audience           who the room is for ({@code veterans}, {@code lgbtq}, ...), so helplines
 *                           for them come first; null for general ones
 * @param holdMethodDetail   a member's message that describes a method of self-harm, at the high
 *                           tier, goes to the facilitators only, for now (default off)
 * @param requireFacilitator the room waits in {@code lobby} until a facilitator opens its session,
 *                           and tells its members when no facilitator is left; off by default
 * @param guidelinesVersion  the version of {@code guidelines}, 1 by default: raise it when the
 *                           text changes, so members accept it again
 * @param checkinWitness     a check-in carries no message until two staff members are in it, as
 *                           safeguarding guidance asks for rooms of young people; off by default
 * @param schedule           the room's weekly sessions, or null for a room without a timetable; a
 *                           scheduled room requires a facilitator
 */
public record RoomSettings(String id, String name, RoomCategory category, String topic, List<String> tags,
                           Integer capacity, String guidelines, Boolean locked, String region, String audience,
                           Boolean holdMethodDetail, Boolean requireFacilitator, Integer guidelinesVersion,
                           Boolean checkinWitness, ScheduleSettings schedule) {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    public RoomSettings {
        check(id != null && ID.matcher(id).matches(),
                "rooms[].id must be 1-64 characters of a-z, 0-9, '-' or '_', starting with a letter or digit"
                        + (id == null ? "" : " (got '" + id + "')"));
        check(name != null && !name.isBlank(), "room '" + id + "': name must be set");
        check(category != null, "room '" + id + "': category must be condition, demographic or general");
        check(capacity != null && capacity >= 1 && capacity <= 100_000, "room '" + id + "': capacity must be between 1 and 100000");
        check(guidelinesVersion == null || guidelinesVersion >= 1 && guidelinesVersion <= 1_000_000,
                "room '" + id + "': guidelinesVersion must be between 1 and 1000000");
        locked = locked != null && locked;
        check(schedule == null || requireFacilitator == null || requireFacilitator,
                "room '" + id + "': a room with a schedule requires a facilitator (requireFacilitator cannot be false)");
        requireFacilitator = schedule != null || requireFacilitator != null && requireFacilitator;
        guidelinesVersion = guidelinesVersion == null ? 1 : guidelinesVersion;
        topic = topic == null ? "" : topic;
        tags = tags == null ? List.of() : List.copyOf(tags);
        guidelines = guidelines == null || guidelines.isBlank() ? null : guidelines.strip();
        String regionCode = ResourceCardSettings.normalizeRegion(region);
        check(region == null || regionCode != null,
                "room '" + id + "': region must be an ISO 3166-1 code such as US or GB, or international");
        region = regionCode;
        audience = audience == null || audience.isBlank() ? null : audience.strip().toLowerCase(java.util.Locale.ROOT);
        holdMethodDetail = holdMethodDetail != null && holdMethodDetail;
        checkinWitness = checkinWitness != null && checkinWitness;
    }

    /** A room whose check-ins need no second staff member, without a schedule. */
    public RoomSettings(String id, String name, RoomCategory category, String topic, List<String> tags,
                        Integer capacity, String guidelines, Boolean locked, String region, String audience,
                        Boolean holdMethodDetail, Boolean requireFacilitator, Integer guidelinesVersion) {
        this(id, name, category, topic, tags, capacity, guidelines, locked, region, audience, holdMethodDetail,
                requireFacilitator, guidelinesVersion, null, null);
    }

    /** A room without a schedule. */
    public RoomSettings(String id, String name, RoomCategory category, String topic, List<String> tags,
                        Integer capacity, String guidelines, Boolean locked, String region, String audience,
                        Boolean holdMethodDetail, Boolean requireFacilitator, Integer guidelinesVersion,
                        Boolean checkinWitness) {
        this(id, name, category, topic, tags, capacity, guidelines, locked, region, audience, holdMethodDetail,
                requireFacilitator, guidelinesVersion, checkinWitness, null);
    }

    /** A room whose check-ins need no second staff member. */
    public RoomSettings(String id, String name, RoomCategory category, String topic, List<String> tags,
                        Integer capacity, String guidelines, Boolean locked, String region, String audience,
                        Boolean holdMethodDetail, Boolean requireFacilitator, Integer guidelinesVersion,
                        ScheduleSettings schedule) {
        this(id, name, category, topic, tags, capacity, guidelines, locked, region, audience, holdMethodDetail,
                requireFacilitator, guidelinesVersion, null, schedule);
    }

    /** A room with no region, audience or hold setting that does not require a facilitator. */
    public RoomSettings(String id, String name, RoomCategory category, String topic, List<String> tags,
                        Integer capacity, String guidelines, Boolean locked) {
        this(id, name, category, topic, tags, capacity, guidelines, locked, null, null, null);
    }

    /** A room that does not require a facilitator, with its guidelines at version 1. */
    public RoomSettings(String id, String name, RoomCategory category, String topic, List<String> tags,
                        Integer capacity, String guidelines, Boolean locked, String region, String audience,
                        Boolean holdMethodDetail) {
        this(id, name, category, topic, tags, capacity, guidelines, locked, region, audience, holdMethodDetail, null,
                null);
    }

    public RoomSettings withRequireFacilitator(boolean required) {
        return new RoomSettings(id, name, category, topic, tags, capacity, guidelines, locked, region, audience,
                holdMethodDetail, required, guidelinesVersion, checkinWitness, schedule);
    }

    public RoomSettings withCheckinWitness(boolean required) {
        return new RoomSettings(id, name, category, topic, tags, capacity, guidelines, locked, region, audience,
                holdMethodDetail, requireFacilitator, guidelinesVersion, required, schedule);
    }

    public RoomSettings withSchedule(ScheduleSettings newSchedule) {
        return new RoomSettings(id, name, category, topic, tags, capacity, guidelines, locked, region, audience,
                holdMethodDetail, newSchedule != null || requireFacilitator, guidelinesVersion, checkinWitness,
                newSchedule);
    }
}
