package dev.haven.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.haven.protocol.model.Role;
import dev.haven.protocol.model.RoomCategory;
import dev.haven.server.config.ClusterSettings;
import dev.haven.server.config.HavenConfig;
import dev.haven.server.config.RoomSettings;
import dev.haven.server.state.CatalogSnapshot;
import dev.haven.server.state.RoomCatalog;
import dev.haven.server.state.StateUnavailableException;
import dev.haven.server.testing.Http;
import dev.haven.server.testing.RedisServerExtension;
import dev.haven.server.testing.TestServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The rooms changed at run time, kept in Redis for every node of a cluster and across their restarts. */
class RedisRoomCatalogTest {
    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeEach
    void emptyRedis() throws IOException {
        redis.start();
        try (RedisClient admin = RedisClient.create(redis.uri());
             StatefulRedisConnection<String, String> connection = admin.connect()) {
            connection.sync().flushall();
        }
    }

    @AfterEach
    void close() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    private RoomCatalog catalog(String node) {
        ClusterStores stores = RedisStores.connect(new ClusterSettings.Redis(redis.uri()), new NodeId(node), 100,
                Duration.ofHours(1));
        opened.add(stores);
        await().atMost(Duration.ofSeconds(10)).until(() -> stores.health().up());
        return RedisRoomCatalog.of(stores);
    }

    private static RoomSettings room(String id, String guidelines) {
        return new RoomSettings(id, "Room " + id, RoomCategory.GENERAL, "topic", List.of("t"), 10, guidelines, false);
    }

    @Test
    void put_andArchive_onOneNode_areWhatAnotherNodeLoads_inTheOrderFirstSaved() {
        RoomCatalog a = catalog("node-a");
        a.put(room("grief-circle", "Be gentle."));
        a.put(room("lounge", null));
        a.put(room("night-owls", null));
        a.put(room("grief-circle", "Be gentle. Listen first."));
        a.archive("lounge");

        CatalogSnapshot loaded = catalog("node-b").load();
        assertThat(loaded.rooms()).extracting(RoomSettings::id).containsExactly("grief-circle", "night-owls");
        assertThat(loaded.rooms().get(0).guidelines()).isEqualTo("Be gentle. Listen first.");
        assertThat(loaded.archived()).containsExactly("lounge");

        a.put(room("lounge", null));
        assertThat(catalog("node-c").load().rooms()).extracting(RoomSettings::id)
                .containsExactly("grief-circle", "lounge", "night-owls");
    }

    @Test
    void withRedisAway_aChangeIsRefusedUnavailable_andNothingIsSaved() {
        RoomCatalog a = catalog("node-a");
        redis.kill();
        assertThatThrownBy(() -> a.put(room("grief-circle", null))).isInstanceOf(StateUnavailableException.class);
        assertThatThrownBy(a::load).isInstanceOf(StateUnavailableException.class);
    }

    @Test
    void aRoomCreatedThroughTheAdminApiOfOneNode_isServedByANodeStartedLater() {
        HavenConfig config = TestServer.config(200)
                .withCluster(new ClusterSettings(new ClusterSettings.Redis(redis.uri())));
        TestServer first = TestServer.start(config);
        opened.add(first);
        String admin = first.token("olu", "Olu", Role.ADMIN);
        Http.Answer created = Http.call(first.port(), "POST", "/api/v1/rooms", admin,
                "{\"id\":\"grief-circle\",\"name\":\"Grief Circle\",\"category\":\"condition\",\"capacity\":12}");
        assertThat(created.status()).isEqualTo(201);

        TestServer later = TestServer.start(config);
        opened.add(later);
        assertThat(Http.get(later.port(), "/api/v1/rooms/grief-circle", admin).status()).isEqualTo(200);

        redis.kill();
        await().atMost(Duration.ofSeconds(10)).until(() -> first.server().degraded());
        Http.Answer refused = Http.call(first.port(), "POST", "/api/v1/rooms", admin,
                "{\"id\":\"night-owls\",\"name\":\"Night Owls\",\"category\":\"general\",\"capacity\":12}");
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.code()).isEqualTo("unavailable");
    }
}
