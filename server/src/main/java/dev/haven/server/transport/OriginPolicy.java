package dev.haven.server.transport;

import dev.haven.server.config.OriginPattern;
import dev.haven.server.config.OriginPattern.Origin;
import dev.haven.server.config.ServerSettings;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which web pages may open a WebSocket to Haven: {@code server.allowedOrigins}. A handshake
 * without {@code Origin} comes from a program, not a browser page, and is allowed; one with an
 * {@code Origin} is allowed when every {@code Origin} it carries matches an entry. {@code self}
 * matches the server's own origin: the configured host, or the address the connection came in
 * on, with the port it came in on (http or https). Host names are compared as text and never
 * resolved; addresses compare as addresses ({@code [::1]} and {@code [0:0:0:0:0:0:0:1]} are one).
 * Immutable and thread-safe.
 */
final class OriginPolicy {
    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final List<OriginPattern> patterns;
    private final boolean self;
    /** The configured host as an origin host (lowercase, IPv6 in brackets). */
    private final String ownHost;

    OriginPolicy(ServerSettings settings) {
        this.patterns = settings.allowedOrigins().stream().map(OriginPattern::parse).toList();
        this.self = patterns.stream().anyMatch(p -> p.kind() == OriginPattern.Kind.SELF);
        String host = settings.host().strip().toLowerCase(Locale.ROOT);
        this.ownHost = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** Whether a handshake with these {@code Origin} header values, on this local address, may go on. */
    boolean allows(List<String> originHeaders, SocketAddress local) {
        for (String header : originHeaders) {
            Origin origin = OriginPattern.parseOrigin(header);
            if (origin == null || !allows(origin, local)) {
                return false;
            }
        }
        return true;
    }

    private boolean allows(Origin origin, SocketAddress local) {
        for (OriginPattern pattern : patterns) {
            if (pattern.matches(origin)) {
                return true;
            }
        }
        return self && isSelf(origin, local);
    }

    private boolean isSelf(Origin origin, SocketAddress local) {
        if (!(local instanceof InetSocketAddress inet) || origin.port() != inet.getPort()) {
            return false;
        }
        if (origin.host().equals(ownHost)) {
            return true;
        }
        InetAddress originAddress = literal(origin.host());
        return originAddress != null && (originAddress.equals(inet.getAddress()) || originAddress.equals(literal(ownHost)));
    }

    /** The address an IP literal names, without any lookup; null for a host name. */
    private static InetAddress literal(String host) {
        try {
            if (host.startsWith("[") && host.endsWith("]") && host.contains(":")) {
                // With a colon, getByName parses an IPv6 literal and never looks anything up.
                return InetAddress.getByName(host.substring(1, host.length() - 1));
            }
            if (IPV4_LITERAL.matcher(host).matches()) {
                String[] parts = host.split("\\.");
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int part = Integer.parseInt(parts[i]);
                    if (part > 255) {
                        return null;
                    }
                    bytes[i] = (byte) part;
                }
                return InetAddress.getByAddress(bytes);
            }
            return null;
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
