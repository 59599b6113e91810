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
 * @param checkins  check-ins; null for {@link CheckinSettings#defaults()}
 * @param state     the state directory; null for the default place
 * @param metrics   {@code /metrics}; null for the defaults
 * @param paging    escalation webhooks; null for none
 * @param logging   the log format; null for text
 * @param cluster   Redis, shared with other Haven processes; null runs alone
 * @param site      what the web page says about the server; null for {@link SiteSettings#defaults()}
 */
public record HavenConfig(ServerSettings server, AuthSettings auth, LimitSettings limits,
                          HistorySettings history, ModerationSettings moderation, List<RoomSettings> rooms,
                          CareSettings care, ResourceSettings resources, SessionSettings sessions,
                          CheckinSettings checkins, StateSettings state, MetricsSettings metrics,
                          PagingSettings paging, LoggingSettings logging, ClusterSettings cluster,
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
        checkins = checkins == null ? CheckinSettings.defaults() : checkins;
        state = state == null ? StateSettings.defaults() : state;
        metrics = metrics == null ? MetricsSettings.defaults() : metrics;
        paging = paging == null ? PagingSettings.defaults() : paging;
        logging = logging == null ? LoggingSettings.defaults() : logging;
        cluster = cluster == null ? ClusterSettings.alone() : cluster;
        site = site == null ? SiteSettings.defaults() : site;
    }

    /** The defaults for every section after {@code sessions}: alone, without Redis. */
    public HavenConfig(ServerSettings server, AuthSettings auth, LimitSettings limits, HistorySettings history,
                       ModerationSettings moderation, List<RoomSettings> rooms, CareSettings care,
                       ResourceSettings resources, SessionSettings sessions) {
        this(server, auth, limits, history, moderation, rooms, care, resources, sessions, null, null, null,
                null, null, null, null);
    }

    /** Default duty-of-care and session settings, and no helplines. */
    public HavenConfig(ServerSettings server, AuthSettings auth, LimitSettings limits, HistorySettings history,
                       ModerationSettings moderation, List<RoomSettings> rooms) {
        this(server, auth, limits, history, moderation, rooms, null, null, null, null, null, null, null, null,
                null, null);
    }

    public HavenConfig withServer(ServerSettings newServer) {
        return new HavenConfig(newServer, auth, limits, history, moderation, rooms, care, resources, sessions,
                checkins, state, metrics, paging, logging, cluster, site);
    }

    public HavenConfig withAuth(AuthSettings newAuth) {
        return new HavenConfig(server, newAuth, limits, history, moderation, rooms, care, resources, sessions,
                checkins, state, metrics, paging, logging, cluster, site);
    }

    public HavenConfig withLimits(LimitSettings newLimits) {
        return new HavenConfig(server, auth, newLimits, history, moderation, rooms, care, resources, sessions,
                checkins, state, metrics, paging, logging, cluster, site);
    }

    public HavenConfig withHistory(HistorySettings newHistory) {
        return new HavenConfig(server, auth, limits, newHistory, moderation, rooms, care, resources, sessions,
                checkins, state, metrics, paging, logging, cluster, site);
    }

    public HavenConfig withRooms(List<RoomSettings> newRooms) {
        return new HavenConfig(server, auth, limits, history, moderation, newRooms, care, resources, sessions,
                checkins, state, metrics, paging, logging, cluster, site);
    }

    public HavenConfig withCare(CareSettings newCare) {
        return new HavenConfig(server, auth, limits, history, moderation, rooms, newCare, resources, sessions,
                checkins, state, metrics, paging, logging, cluster, site);
    }

    public HavenConfig withResources(ResourceSettings newResources) {
        return new HavenConfig(server, auth, limits, history, moderation, rooms, care, newResources, sessions,
                checkins, state, metrics, paging, logging, cluster, site);
    }

    public HavenConfig withSessions(SessionSettings newSessions) {
        return new HavenConfig(server, auth, limits, history, moderation, rooms, care, resources, newSessions,
                checkins, state, metrics, paging, logging, cluster, site);
    }

    public HavenConfig withCheckins(CheckinSettings newCheckins) {
        return new HavenConfig(server, auth, limits, history, moderation, rooms, care, resources, sessions,
                newCheckins, state, metrics, paging, logging, cluster, site);
    }

    public HavenConfig withState(StateSettings newState) {
        return new HavenConfig(server, auth, limits, history, moderation, rooms, care, resources, sessions,
                checkins, newState, metrics, paging, logging, cluster, site);
    }

    public HavenConfig withMetrics(MetricsSettings newMetrics) {
        return new HavenConfig(server, auth, limits, history, moderation, rooms, care, resources, sessions,
                checkins, state, newMetrics, paging, logging, cluster, site);
    }

    public HavenConfig withPaging(PagingSettings newPaging) {
        return new HavenConfig(server, auth, limits, history, moderation, rooms, care, resources, sessions,
                checkins, state, metrics, newPaging, logging, cluster, site);
    }

    public HavenConfig withLogging(LoggingSettings newLogging) {
        return new HavenConfig(server, auth, limits, history, moderation, rooms, care, resources, sessions,
                checkins, state, metrics, paging, newLogging, cluster, site);
    }

    public HavenConfig withCluster(ClusterSettings newCluster) {
        return new HavenConfig(server, auth, limits, history, moderation, rooms, care, resources, sessions,
                checkins, state, metrics, paging, logging, newCluster, site);
    }

    public HavenConfig withSite(SiteSettings newSite) {
        return new HavenConfig(server, auth, limits, history, moderation, rooms, care, resources, sessions,
                checkins, state, metrics, paging, logging, cluster, newSite);
    }
}
