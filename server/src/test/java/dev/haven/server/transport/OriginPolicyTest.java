package dev.haven.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.server.config.ServerSettings;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Origin rule: the server's own origin, loopback pages, or what {@code server.allowedOrigins} lists. */
class OriginPolicyTest {
    private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 8080);

    private static OriginPolicy defaults(String host) {
        return new OriginPolicy(new ServerSettings(host, 8080, 30, 10, 1));
    }

    private static OriginPolicy listing(String... origins) {
        return new OriginPolicy(new ServerSettings("127.0.0.1", 8080, 30, 10, 1).withAllowedOrigins(List.of(origins)));
    }

    @Test
    void allows_noOriginHeader_isAllowed() {
        assertThat(defaults("127.0.0.1").allows(List.of(), LOCAL)).isTrue();
        assertThat(listing().allows(List.of(), LOCAL)).as("even when nothing is listed").isTrue();
    }

    @Test
    void allows_ownOrigin_isAllowedOnItsPortOnly() {
        OriginPolicy policy = defaults("chat.example.org");
        InetSocketAddress local = new InetSocketAddress("192.0.2.7", 8080);

        assertThat(policy.allows(List.of("https://chat.example.org:8080"), local)).isTrue();
        assertThat(policy.allows(List.of("http://CHAT.example.org:8080"), local)).isTrue();
        assertThat(policy.allows(List.of("http://192.0.2.7:8080"), local)).as("the address it came in on").isTrue();
        assertThat(policy.allows(List.of("https://chat.example.org"), local)).as("port 443").isFalse();
        assertThat(policy.allows(List.of("https://chat.example.org:8081"), local)).isFalse();
        assertThat(policy.allows(List.of("https://other.example.org:8080"), local)).isFalse();
    }

    @Test
    void allows_ipv6OwnOrigin_comparesAsAddresses() {
        OriginPolicy policy = defaults("::1");
        InetSocketAddress local = new InetSocketAddress("::1", 8080);

        assertThat(policy.allows(List.of("http://[0:0:0:0:0:0:0:1]:8080"), local)).isTrue();
        assertThat(policy.allows(List.of("http://[::2]:8080"), local)).isFalse();
    }

    @Test
    void allows_loopbackPagesOnAnyPort_byDefault() {
        OriginPolicy policy = defaults("0.0.0.0");

        assertThat(policy.allows(List.of("http://localhost:5173"), LOCAL)).isTrue();
        assertThat(policy.allows(List.of("https://127.0.0.1"), LOCAL)).isTrue();
        assertThat(policy.allows(List.of("http://[::1]:3000"), LOCAL)).isTrue();
        assertThat(policy.allows(List.of("http://127.0.0.2:3000"), LOCAL)).isFalse();
        assertThat(policy.allows(List.of("https://example.org"), LOCAL)).isFalse();
    }

    @Test
    void allows_malformedOrOpaqueOrigins_areRefused() {
        OriginPolicy policy = defaults("127.0.0.1");

        for (String origin : List.of("null", "", "localhost:3000", "http://localhost:3000/", "http://localhost:99999",
                "ws://localhost:3000", "http://user@localhost:3000", "http://999.1.1.1:8080")) {
            assertThat(policy.allows(List.of(origin), LOCAL)).as(origin).isFalse();
        }
    }

    @Test
    void allows_configuredList_replacesTheDefaults() {
        OriginPolicy policy = listing("https://chat.example.org", "https://*.example.org".replace("*.", "app."),
                "http://intranet:*");

        assertThat(policy.allows(List.of("https://chat.example.org"), LOCAL)).isTrue();
        assertThat(policy.allows(List.of("https://chat.example.org:443"), LOCAL)).isTrue();
        assertThat(policy.allows(List.of("https://app.example.org"), LOCAL)).isTrue();
        assertThat(policy.allows(List.of("http://intranet:8000"), LOCAL)).isTrue();
        assertThat(policy.allows(List.of("http://localhost:3000"), LOCAL)).isFalse();
        assertThat(policy.allows(List.of("http://127.0.0.1:8080"), LOCAL)).as("no 'self' listed").isFalse();
    }

    @Test
    void allows_star_allowsAnyWellFormedOrigin() {
        OriginPolicy policy = listing("*");

        assertThat(policy.allows(List.of("https://anywhere.example"), LOCAL)).isTrue();
        assertThat(policy.allows(List.of("null"), LOCAL)).isFalse();
    }
}
