package dev.haven.server.config;

import static dev.haven.server.config.ConfigException.check;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The whole validated configuration.
 *
 * @param care      duty of care; null for the defaults
 * @param resources the helplines; null for none
 * @param sessions  facilitated sessions; null for {@link SessionSettings#defaults()}
 * @param site      what the web page says about the server; null for {@link SiteSettings#defaults()}
 */
public record HavenConfig(ServerSettings server, AuthSettings auth, LimitSettings limits,
                          HistorySettings history, ModerationSettings moderation, List<RoomSettings> rooms,
                          CareSettings care, ResourceSettings resources, SessionSettings sessions,
                          SiteSettings site) {
    public HavenConfig {
        check(server != null, "the 'server' section is missing");
        check(auth != null, "the 'auth' section is missing");
        check(limits != null, "the 'limits' section is missing");
        check(history != null, "the 'history' section is missing");
        check(moderation != null, "the 'moderation' section is missing");
        sessions = sessions == null ? SessionSettings.defaults() : sessions;
        rooms = rooms == null ? List.of() : List.copyOf(rooms);
        Set<String> ids = new HashSet<>();
        for (RoomSettings room : rooms) {
            check(ids.add(room.id()), "room id '" + room.id() + "' is configured twice");
        }
        care = care == null ? CareSettings.defaults() : care;
        resources = resources == null ? ResourceSettings.none() : resources;
        site = site == null ? SiteSettings.defaults() : site;
    }

    public HavenConfig(ServerSettings server, AuthSettings auth, LimitSettings limits, HistorySettings history,
                       ModerationSettings moderation, List<RoomSettings> rooms, CareSettings care,
                       ResourceSettings resources, SessionSettings sessions) {
        this(server, auth, limits, history, moderation, rooms, care, resources, sessions, null);
    }

    /** Default duty-of-care and session settings, and no helplines. */
    public HavenConfig(ServerSettings server, AuthSettings auth, LimitSettings limits, HistorySettings history,
                       ModerationSettings moderation, List<RoomSettings> rooms) {
        this(server, auth, limits, history, moderation, rooms, null, null, null, null);
    }

    public HavenConfig withServer(ServerSettings newServer) {
        return new HavenConfig(newServer, auth, limits, history, moderation, rooms, care, resources, sessions, site);
    }

    public HavenConfig withAuth(AuthSettings newAuth) {
        return new HavenConfig(server, newAuth, limits, history, moderation, rooms, care, resources, sessions, site);
    }

    public HavenConfig withLimits(LimitSettings newLimits) {
        return new HavenConfig(server, auth, newLimits, history, moderation, rooms, care, resources, sessions, site);
    }

    public HavenConfig withHistory(HistorySettings newHistory) {
        return new HavenConfig(server, auth, limits, newHistory, moderation, rooms, care, resources, sessions, site);
    }

    public HavenConfig withCare(CareSettings newCare) {
        return new HavenConfig(server, auth, limits, history, moderation, rooms, newCare, resources, sessions, site);
    }

    public HavenConfig withResources(ResourceSettings newResources) {
        return new HavenConfig(server, auth, limits, history, moderation, rooms, care, newResources, sessions, site);
    }

    public HavenConfig withSessions(SessionSettings newSessions) {
        return new HavenConfig(server, auth, limits, history, moderation, rooms, care, resources, newSessions, site);
    }

    public HavenConfig withSite(SiteSettings newSite) {
        return new HavenConfig(server, auth, limits, history, moderation, rooms, care, resources, sessions, newSite);
    }

    public HavenConfig withRooms(List<RoomSettings> newRooms) {
        return new HavenConfig(server, auth, limits, history, moderation, newRooms, care, resources, sessions, site);
    }
}
