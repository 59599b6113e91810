package dev.haven.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.haven.protocol.model.Role;
import dev.haven.server.config.ClusterSettings;
import dev.haven.server.config.HavenConfig;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Haven nodes in this process sharing one real {@code redis-server}, and the people connected
 * to them; {@link #close} closes every connection and node and empties Redis for the next test.
 */
public final class ClusterNodes implements AutoCloseable {
    private final RedisServerExtension redis;
    private final HavenConfig config;
    private final List<TestServer> nodes = new ArrayList<>();
    private final List<TestClient> clients = new ArrayList<>();

    /** @param config the nodes' configuration; its cluster section is set to {@code redis} */
    public ClusterNodes(RedisServerExtension redis, HavenConfig config) {
        this.redis = redis;
        this.config = config.withCluster(new ClusterSettings(new ClusterSettings.Redis(redis.uri())));
    }

    /** Starts {@code count} nodes; returns them in start order. */
    public List<TestServer> start(int count) {
        for (int i = 0; i < count; i++) {
            nodes.add(TestServer.start(config));
        }
        return List.copyOf(nodes);
    }

    /** The nodes running now, in start order. */
    public List<TestServer> nodes() {
        return List.copyOf(nodes);
    }

    public TestServer node(int index) {
        return nodes.get(index);
    }

    /** The node that owns the room now, by its lease in Redis. */
    public TestServer ownerOf(String room) {
        String lease = redis().get("haven:{" + room + "}:lease");
        assertThat(lease).as("room %s has an owner", room).isNotNull();
        String owner = lease.substring(0, lease.lastIndexOf('|'));
        return nodes.stream().filter(n -> owner.equals(n.server().nodeId())).findFirst().orElseThrow();
    }

    /** Stops a node as SIGTERM would, and forgets it. */
    public void stop(TestServer node) {
        nodes.remove(node);
        node.close();
    }

    /** Someone connected to this node with a token of this role. */
    public TestClient person(TestServer node, String id, String name, Role role) {
        TestClient client = TestClient.withToken(node.port(), node.token(id, name, role));
        clients.add(client);
        return client;
    }

    /** A new connection of a client (closed at the end). */
    public TestClient keep(TestClient client) {
        clients.add(client);
        return client;
    }

    /** Redis's own view, for what the tests check there. */
    public RedisCommands<String, String> redis() {
        return connection().sync();
    }

    private RedisClient client;
    private StatefulRedisConnection<String, String> connection;

    private StatefulRedisConnection<String, String> connection() {
        if (connection == null) {
            client = RedisClient.create(redis.uri());
            connection = client.connect();
        }
        return connection;
    }

    public static JsonNode awaitType(TestClient client, String type, String field, String value) {
        return client.await(f -> f.path("type").asText().equals(type) && f.path(field).asText().equals(value));
    }

    @Override
    public void close() {
        clients.forEach(TestClient::close);
        nodes.forEach(TestServer::close);
        if (connection == null) {
            connection();
        }
        connection.sync().flushall();
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }

    /** How long a cluster's takeover of a room whose owner died may take: the lease's time to live and a beat. */
    public static final Duration TAKEOVER = Duration.ofSeconds(30);
}
