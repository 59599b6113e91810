package dev.haven.server.testing;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;

/**
 * A plain TCP connection to a test server on 127.0.0.1, for handshakes and frames no real
 * client sends: raw HTTP requests, requests dribbled a byte at a time, connections that never
 * read. Every read has a timeout.
 */
public final class RawSocket implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final WsWire.Reader frames = new WsWire.Reader();

    private RawSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    public static RawSocket open(int port) throws IOException {
        return open(port, 0);
    }

    /** @param receiveBufferBytes the socket's receive buffer, or 0 for the default */
    public static RawSocket open(int port, int receiveBufferBytes) throws IOException {
        Socket socket = new Socket();
        if (receiveBufferBytes > 0) {
            socket.setReceiveBufferSize(receiveBufferBytes);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), (int) TestClient.TIMEOUT.toMillis());
        socket.setSoTimeout((int) TestClient.TIMEOUT.toMillis());
        return new RawSocket(socket);
    }

    /** Writes these bytes; a server that already closed is not an error here. */
    public RawSocket write(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            // The server may close before it has read everything; what it answered tells why.
        }
        return this;
    }

    public RawSocket write(String ascii) {
        return write(ascii.getBytes(US_ASCII));
    }

    /** Reads an HTTP response head: status line and headers, up to the empty line. */
    public String readHttpHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed inside the response head: " + head.toString(US_ASCII));
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(US_ASCII);
    }

    /** Opens the WebSocket on {@code /ws}; fails unless the server answers 101. */
    public RawSocket upgrade() throws IOException {
        write(WsWire.upgradeRequest("/ws", "Sec-WebSocket-Version: 13"));
        String head = readHttpHead();
        if (!head.startsWith("HTTP/1.1 101")) {
            throw new AssertionError("no upgrade: " + head);
        }
        return this;
    }

    /** The next frame from the server. */
    public WsWire.Frame nextFrame() throws IOException {
        byte[] chunk = new byte[8192];
        while (true) {
            WsWire.Frame frame = frames.next();
            if (frame != null) {
                return frame;
            }
            int n = in.read(chunk);
            if (n < 0) {
                throw new EOFException("connection closed");
            }
            frames.feed(java.util.Arrays.copyOf(chunk, n));
        }
    }

    /** Skips frames up to the server's close frame and returns it. */
    public WsWire.Frame awaitCloseFrame() throws IOException {
        while (true) {
            WsWire.Frame frame = nextFrame();
            if (frame.isClose()) {
                return frame;
            }
        }
    }

    /** Whether the server closed the connection (end of stream or reset) before the read timeout. */
    public boolean closedByServer() throws IOException {
        byte[] chunk = new byte[8192];
        try {
            while (in.read(chunk) >= 0) {
                // Whatever the server still had in flight.
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true;
        }
    }

    /** Sets the read timeout. */
    public void soTimeout(int millis) {
        try {
            socket.setSoTimeout(millis);
        } catch (SocketException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
