package dev.haven.server.testing;

import dev.haven.protocol.model.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * A test's server and every client it opened, closed together at the end. The server may be
 * replaced during the test (a restart, or another configuration).
 */
public final class ServerAndClients implements AutoCloseable {
    private final List<TestClient> clients = new ArrayList<>();
    private TestServer server;

    public ServerAndClients(TestServer server) {
        this.server = server;
    }

    public TestServer server() {
        return server;
    }

    /** Stops the server and goes on with {@code next}; the clients stay open. */
    public void replaceServer(TestServer next) {
        server.close();
        server = next;
    }

    /** Someone who said hello with a token. */
    public TestClient person(String id, String name, Role role) {
        return keep(TestClient.withToken(server.port(), server.token(id, name, role)));
    }

    /** A connection that has not said hello yet. */
    public TestClient connect() {
        return keep(TestClient.connect(server.port()));
    }

    private TestClient keep(TestClient client) {
        clients.add(client);
        return client;
    }

    @Override
    public void close() {
        clients.forEach(TestClient::close);
        server.close();
    }
}
