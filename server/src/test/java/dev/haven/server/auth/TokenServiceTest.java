package dev.haven.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.haven.protocol.model.Role;
import dev.haven.server.testing.ManualClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenServiceTest {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final TokenService tokens = new TokenService(SECRET, clock);

    @Test
    void verify_signedToken_givesIdentity() throws AuthException {
        String token = tokens.sign("u1", "Fran", Role.FACILITATOR, List.of("circle"), Duration.ofHours(1));
        Identity identity = tokens.verify(token);
        assertThat(identity.id()).isEqualTo("u1");
        assertThat(identity.name()).isEqualTo("Fran");
        assertThat(identity.guest()).isFalse();
        assertThat(identity.roleIn("circle")).isEqualTo(Role.FACILITATOR);
        assertThat(identity.roleIn("lounge")).isEqualTo(Role.MEMBER);
    }

    @Test
    void verify_withoutRoomsClaim_roleHoldsEverywhere() throws AuthException {
        Identity identity = tokens.verify(tokens.sign("u1", "Fran", Role.FACILITATOR, null, Duration.ofHours(1)));
        assertThat(identity.roleIn("anything")).isEqualTo(Role.FACILITATOR);
    }

    @Test
    void verify_expired_isRefused() {
        String token = tokens.sign("u1", "Fran", Role.MEMBER, null, Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(5));
        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(AuthException.class).hasMessageContaining("expired");
    }

    @Test
    void verify_otherSecret_isRefused() {
        TokenService other = new TokenService("another-secret-another-secret-xx".getBytes(StandardCharsets.UTF_8), clock);
        String token = other.sign("u1", "Fran", Role.FACILITATOR, null, Duration.ofHours(1));
        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(AuthException.class)
                .hasMessageContaining("signature").hasMessageNotContaining(token);
    }

    @Test
    void verify_tamperedPayload_isRefused() {
        String token = tokens.sign("u1", "Fran", Role.MEMBER, null, Duration.ofHours(1));
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"sub\":\"u1\",\"name\":\"Fran\",\"role\":\"facilitator\"}".getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        assertThatThrownBy(() -> tokens.verify(forged)).isInstanceOf(AuthException.class);
    }

    @Test
    void verify_garbage_isRefused() {
        assertThatThrownBy(() -> tokens.verify("not-a-token")).isInstanceOf(AuthException.class)
                .hasMessageNotContaining("not-a-token");
    }

    @Test
    void verify_unsignedAlgNone_isRefused() {
        String header = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        String payload = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"sub\":\"u1\",\"name\":\"x\",\"role\":\"facilitator\"}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> tokens.verify(header + "." + payload + ".")).isInstanceOf(AuthException.class);
    }

    @Test
    void verify_withoutExpiry_isRefused() throws Exception {
        com.nimbusds.jwt.SignedJWT jwt = new com.nimbusds.jwt.SignedJWT(
                new com.nimbusds.jose.JWSHeader(com.nimbusds.jose.JWSAlgorithm.HS256),
                new com.nimbusds.jwt.JWTClaimsSet.Builder().subject("u1").claim("name", "Fran")
                        .claim("role", "facilitator").build());
        jwt.sign(new com.nimbusds.jose.crypto.MACSigner(SECRET));
        assertThatThrownBy(() -> tokens.verify(jwt.serialize())).isInstanceOf(AuthException.class)
                .hasMessageContaining("exp");
    }

    @Test
    void verify_beforeItsNotBefore_isRefusedUntilThenWithinTheLeeway() throws Exception {
        String token = signed(claims().notBeforeTime(Date.from(clock.instant().plus(Duration.ofMinutes(50)))));

        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(AuthException.class)
                .hasMessageContaining("not valid yet").hasMessageContaining("nbf");

        clock.advance(Duration.ofMinutes(49));
        assertThat(tokens.verify(token).id()).as("within a minute of nbf: clocks differ a little").isEqualTo("u1");
    }

    @Test
    void verify_issuedInTheFuture_isRefused() throws Exception {
        String token = signed(claims().issueTime(Date.from(clock.instant().plus(Duration.ofMinutes(10)))));
        String slightlyAhead = signed(claims().issueTime(Date.from(clock.instant().plus(Duration.ofSeconds(30)))));

        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(AuthException.class)
                .hasMessageContaining("not valid yet").hasMessageContaining("iat");
        assertThat(tokens.verify(slightlyAhead).id()).isEqualTo("u1");
    }

    private JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().subject("u1").claim("name", "Una").claim("role", "member")
                .expirationTime(Date.from(clock.instant().plus(Duration.ofHours(2))));
    }

    private static String signed(JWTClaimsSet.Builder claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        jwt.sign(new com.nimbusds.jose.crypto.MACSigner(SECRET));
        return jwt.serialize();
    }
}
