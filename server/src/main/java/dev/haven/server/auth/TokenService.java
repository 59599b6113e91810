package dev.haven.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.haven.protocol.InvalidFieldException;
import dev.haven.protocol.model.Role;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies Haven tokens: HS256 JWTs with {@code sub}, {@code name}, {@code role}
 * ({@code member}, {@code facilitator}, {@code supervisor}, or {@code admin} for the admin API), optional
 * {@code rooms} limiting the role, and a required {@code exp}: a token that never expires is refused. A
 * token is refused before its {@code nbf} (RFC 7519 section 4.1.5), and when its {@code iat} lies in the
 * future: a token issued for later is not valid yet. Both allow {@link #CLOCK_LEEWAY} for clocks that
 * differ a little between the issuer and the server. Thread-safe.
 */
public final class TokenService {
    /** How far the issuer's clock may run ahead of the server's for {@code nbf} and {@code iat}. */
    public static final Duration CLOCK_LEEWAY = Duration.ofSeconds(60);

    private static final String ISSUER = "haven";

    private final MACSigner signer;
    private final MACVerifier verifier;
    private final Clock clock;
    /** HMAC-SHA256(secret, RESUME_KEY_LABEL): the key of guests' resumes, never the secret itself. */
    private final byte[] resumeKey;

    public TokenService(byte[] secret, Clock clock) {
        try {
            this.signer = new MACSigner(secret);
            this.verifier = new MACVerifier(secret);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("the token secret is too short for HS256");
        }
        this.clock = clock;
        this.resumeKey = derive(secret, "haven guest resume v1");
    }

    /** Guests' resumes, signed with a key derived from this secret, lasting {@code lifetime} (zero: none). */
    public GuestResume guestResume(Duration lifetime) {
        return new GuestResume(resumeKey, lifetime, clock);
    }

    private static byte[] derive(byte[] secret, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Signs a token for a user; {@code rooms} null means the role holds in every room. */
    public String sign(String subject, String name, Role role, List<String> rooms, Duration ttl) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(subject)
                .claim("name", name)
                .claim("role", role.wireName())
                .issueTime(Date.from(clock.instant()))
                .expirationTime(Date.from(clock.instant().plus(ttl)));
        if (rooms != null) {
            claims.claim("rooms", List.copyOf(rooms));
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return jwt.serialize();
    }

    public Identity verify(String token) throws AuthException {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new AuthException("the token is not a valid JWT");
        }
        if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
            throw new AuthException("the token must be signed with HS256");
        }
        try {
            if (!jwt.verify(verifier)) {
                throw new AuthException("the token's signature does not match");
            }
        } catch (JOSEException e) {
            throw new AuthException("the token's signature cannot be checked");
        }
        Date expiry = claims.getExpirationTime();
        if (expiry == null) {
            throw new AuthException("the token needs an 'exp'");
        }
        if (!expiry.toInstant().isAfter(clock.instant())) {
            throw new AuthException("the token has expired");
        }
        Instant latestValidStart = clock.instant().plus(CLOCK_LEEWAY);
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && notBefore.toInstant().isAfter(latestValidStart)) {
            throw new AuthException("the token is not valid yet (its 'nbf' is in the future)");
        }
        Date issuedAt = claims.getIssueTime();
        if (issuedAt != null && issuedAt.toInstant().isAfter(latestValidStart)) {
            throw new AuthException("the token is not valid yet (its 'iat' is in the future)");
        }
        return identityOf(claims, expiry.toInstant());
    }

    private static String cleanName(String name) throws AuthException {
        try {
            return GuestNames.clean(name);
        } catch (InvalidFieldException e) {
            throw new AuthException("the token's 'name' must be 1 to " + GuestNames.MAX_NAME_CHARS + " characters");
        }
    }

    private static Identity identityOf(JWTClaimsSet claims, Instant expiresAt) throws AuthException {
        try {
            String subject = claims.getSubject();
            String name = claims.getStringClaim("name");
            String role = claims.getStringClaim("role");
            if (subject == null || subject.isBlank() || subject.length() > 128) {
                throw new AuthException("the token needs a 'sub' of 1 to 128 characters");
            }
            if (name == null || name.isBlank()) {
                throw new AuthException("the token needs a 'name'");
            }
            Role parsedRole;
            try {
                parsedRole = role == null ? Role.MEMBER : Role.fromWire(role);
            } catch (IllegalArgumentException e) {
                throw new AuthException("the token's 'role' must be member, facilitator, supervisor or admin");
            }
            List<String> rooms = claims.getStringListClaim("rooms");
            Set<String> roleRooms = rooms == null ? null : new HashSet<>(rooms);
            return new Identity(subject, cleanName(name), parsedRole, roleRooms, false, expiresAt);
        } catch (ParseException e) {
            throw new AuthException("the token's claims have the wrong types");
        }
    }
}
