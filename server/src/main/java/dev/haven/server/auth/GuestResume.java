package dev.haven.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
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
import java.util.Base64;
import java.util.Date;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A guest's {@code resume} (protocol v1.2): the reply to a guest's {@code hello} carries one, and
 * a later {@code hello {resume}} before it expires is the same guest again, with the same user id
 * and name, on a new connection, after a reload, or after a server restart.
 *
 * <p>It is a signed statement, not a server-side session: an HS256 JWT (use {@code guest-resume})
 * over the guest's id, name and expiry, with a key derived from the token secret. Signing with
 * the server's secret, which the secret file or {@code HAVEN_TOKEN_SECRET} keeps across restarts,
 * is what lets a resume survive a restart (a memory of issued resumes would be lost with it);
 * the derived key keeps the two kinds apart, so a resume is never accepted as a token nor a
 * token as a resume. Its lifetime counts from the guest's first {@code hello} and a resume does
 * not extend it: one pseudonymous identity lasts an evening, not indefinitely. Because the id
 * stays the same, a resumed guest is still under every ban and mute of that id. Thread-safe.
 */
public final class GuestResume {
    private static final String ISSUER = "haven";
    private static final String USE = "guest-resume";
    private static final String GUEST_PREFIX = "guest-";

    private static final String HEADER = Base64.getUrlEncoder().withoutPadding()
            .encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.US_ASCII));
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    /** A Mac per thread, keyed once: making one looks up the security providers. */
    private final ThreadLocal<Mac> macs;
    private final MACVerifier verifier;
    private final Duration lifetime;
    private final Clock clock;

    /**
     * @param key      at least 256 bits, not the token secret itself ({@link TokenService#guestResume})
     * @param lifetime how long a guest can be resumed after its first hello; zero for never
     */
    GuestResume(byte[] key, Duration lifetime, Clock clock) {
        try {
            this.verifier = new MACVerifier(key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("the resume key is too short for HS256");
        }
        byte[] keyCopy = key.clone();
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(keyCopy, "HmacSHA256"));
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available", e);
            }
        });
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** Whether guests get a resume at all. */
    public boolean enabled() {
        return !lifetime.isZero();
    }

    /** A resume for a guest that has just said hello, or null when resumes are off or it is no guest. */
    public String issue(Identity guest) {
        if (!enabled() || !guest.guest()) {
            return null;
        }
        // Written by hand rather than through the JOSE library, which builds a claims map, a JSON
        // writer and a new Mac for each one: that was a third of a guest's hello. The result is the
        // same compact HS256 JWT, which resume() reads with the library.
        Instant now = clock.instant();
        String claims = "{\"iss\":\"" + ISSUER + "\",\"sub\":" + quote(guest.id()) + ",\"name\":" + quote(guest.name())
                + ",\"use\":\"" + USE + "\",\"iat\":" + now.getEpochSecond()
                + ",\"exp\":" + now.plus(lifetime).getEpochSecond() + "}";
        String signed = HEADER + "." + BASE64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        byte[] signature = macs.get().doFinal(signed.getBytes(StandardCharsets.US_ASCII));
        return signed + "." + BASE64.encodeToString(signature);
    }

    /** A JSON string; a guest's name holds no control character, but escape them all the same. */
    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    /**
     * The guest a resume stands for.
     *
     * @throws AuthException when it is not one of this server's resumes, or has expired; the
     *                       message never quotes it
     */
    public Identity resume(String resume) throws AuthException {
        if (!enabled()) {
            throw new AuthException("this server does not resume guests");
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(resume);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new AuthException("the resume is not valid");
        }
        try {
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                throw new AuthException("the resume is not valid");
            }
        } catch (JOSEException e) {
            throw new AuthException("the resume is not valid");
        }
        Date expiry = claims.getExpirationTime();
        if (expiry == null || !expiry.toInstant().isAfter(clock.instant())) {
            throw new AuthException("the resume has expired; say hello with a name to join as a new guest");
        }
        try {
            String id = claims.getSubject();
            if (!USE.equals(claims.getStringClaim("use")) || id == null || !id.startsWith(GUEST_PREFIX)) {
                throw new AuthException("the resume is not valid");
            }
            return new Identity(id, GuestNames.clean(claims.getStringClaim("name")), Role.MEMBER, null, true);
        } catch (ParseException | InvalidFieldException e) {
            throw new AuthException("the resume is not valid");
        }
    }
}
