package dev.haven.client.bench;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * The load tool and the reference server talk to this machine only: load goes to the loopback
 * range (127.0.0.0/8, localhost, [::1]) and nowhere else. Host names other than
 * {@code localhost} are refused without being looked up.
 */
final class LoopbackOnly {
    private LoopbackOnly() {
    }

    /** @return the URL, when it is a plain {@code ws://} URL whose host is a loopback address */
    static URI check(URI url) {
        if (!"ws".equals(url.getScheme())) {
            throw new IllegalArgumentException("the load tool speaks plain ws:// only (got " + url.getScheme() + ")");
        }
        requireLoopback(url.getHost());
        return url;
    }

    /** @throws IllegalArgumentException unless every address of the host is a loopback address */
    static void requireLoopback(String host) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("a host is needed");
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean literal = bare.matches("[0-9.]+") || bare.contains(":");
        if (!literal && !"localhost".equalsIgnoreCase(bare)) {
            // Not even a name lookup leaves the machine: only address literals and localhost.
            throw new IllegalArgumentException("refusing " + host + ": give a loopback address (127.0.0.1, [::1])"
                    + " or localhost");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host " + host, e);
        }
        for (InetAddress address : addresses) {
            if (!address.isLoopbackAddress()) {
                throw new IllegalArgumentException("refusing " + host + ": load goes to loopback addresses only"
                        + " (127.0.0.0/8, localhost, [::1])");
            }
        }
    }
}
