package dev.haven.client.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on a loopback port in front of a server, standing for the network between a
 * client and it, which a test can break: {@link #goDown} drops every connection at once and
 * refuses new ones, as a lost network would; {@link #blackHole} keeps the connections open but
 * lets nothing through, as a network that died without a word; {@link #pointTo} sends new
 * connections to another server (a restarted one). Two threads per connection copy the bytes;
 * tests open a handful.
 */
public final class LoopbackProxy implements AutoCloseable {
    /** One relayed connection: the client's socket and the server's, closed together. */
    private static final class Pair {
        final Socket client;
        final Socket server;
        volatile boolean swallowing;

        Pair(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void close() {
            closeQuietly(client);
            closeQuietly(server);
        }
    }

    private final ServerSocket listening;
    private final Set<Pair> pairs = ConcurrentHashMap.newKeySet();
    private volatile int targetPort;
    private volatile boolean down;

    private LoopbackProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "proxy-accept-" + listening.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A relay to the server listening on this loopback port. */
    public static LoopbackProxy to(int targetPort) {
        try {
            return new LoopbackProxy(targetPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server's WebSocket endpoint, through the relay. */
    public URI url() {
        return URI.create("ws://127.0.0.1:" + listening.getLocalPort() + "/ws");
    }

    /** Drops every connection without a close frame, and closes new ones at once, until {@link #comeBack}. */
    public void goDown() {
        down = true;
        pairs.forEach(Pair::close);
    }

    public void comeBack() {
        down = false;
    }

    /** Lets nothing through the connections open now, in either direction, and keeps them open. */
    public void blackHole() {
        pairs.forEach(pair -> pair.swallowing = true);
    }

    /** New connections go to the server on this port. */
    public void pointTo(int port) {
        targetPort = port;
    }

    @Override
    public void close() {
        closeQuietly(listening);
        pairs.forEach(Pair::close);
    }

    private void accept() {
        while (!listening.isClosed()) {
            Socket client;
            try {
                client = listening.accept();
            } catch (IOException closed) {
                return;
            }
            if (down) {
                closeQuietly(client);
                continue;
            }
            Socket server = new Socket();
            try {
                server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 2000);
            } catch (IOException unreachable) {
                closeQuietly(client);
                closeQuietly(server);
                continue;
            }
            Pair pair = new Pair(client, server);
            pairs.add(pair);
            relay(pair, client, server, "up");
            relay(pair, server, client, "down");
        }
    }

    private void relay(Pair pair, Socket from, Socket to, String direction) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    if (!pair.swallowing) {
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                }
            } catch (IOException ended) {
                // One side went away: the pair ends.
            } finally {
                pair.close();
                pairs.remove(pair);
            }
        }, "proxy-" + direction + "-" + from.getPort());
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // Already closed.
        }
    }
}
