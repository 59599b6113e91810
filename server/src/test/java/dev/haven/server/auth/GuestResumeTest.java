package dev.haven.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.haven.protocol.model.Role;
import dev.haven.server.testing.ManualClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GuestResumeTest {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T19:00:00Z"));
    private final TokenService tokens = new TokenService(SECRET, clock);
    private final GuestResume resumes = tokens.guestResume(Duration.ofHours(12));
    private final Identity robin = new Identity(GuestNames.newGuestId(), "Robin", Role.MEMBER, null, true);

    @Test
    void resume_withinItsLifetime_isTheSameGuest() throws AuthException {
        String resume = resumes.issue(robin);
        clock.advance(Duration.ofHours(11));

        Identity again = resumes.resume(resume);

        assertThat(again.id()).isEqualTo(robin.id());
        assertThat(again.name()).isEqualTo("Robin");
        assertThat(again.guest()).isTrue();
        assertThat(again.role()).isEqualTo(Role.MEMBER);
    }

    @Test
    void resume_ofANameWithQuotesBackslashesAndNonAscii_isTheSameName() throws AuthException {
        Identity sky = new Identity(GuestNames.newGuestId(), "Sky \"Q\" \\ Zo\u00eb \ud83c\udf3f", Role.MEMBER, null, true);

        assertThat(resumes.resume(resumes.issue(sky)).name()).isEqualTo(sky.name());
    }

    @Test
    void issue_isACompactHs256Jwt_withTheGuestsClaims() throws Exception {
        String[] parts = resumes.issue(robin).split("\\.");

        assertThat(parts).hasSize(3);
        String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"sub\":\"" + robin.id() + "\"", "\"use\":\"guest-resume\"",
                "\"iat\":" + clock.instant().getEpochSecond(),
                "\"exp\":" + clock.instant().plus(Duration.ofHours(12)).getEpochSecond());
        assertThat(new String(java.util.Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8))
                .isEqualTo("{\"alg\":\"HS256\"}");
    }

    @Test
    void resume_atTheEndOfItsLifetime_isRefusedAsExpired() {
        String resume = resumes.issue(robin);
        clock.advance(Duration.ofHours(12));

        assertThatThrownBy(() -> resumes.resume(resume)).isInstanceOf(AuthException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void resume_fromAServerWithAnotherSecret_isRefused() {
        GuestResume elsewhere = new TokenService("another-secret-another-secret-0123".getBytes(StandardCharsets.UTF_8),
                clock).guestResume(Duration.ofHours(12));

        assertThatThrownBy(() -> resumes.resume(elsewhere.issue(robin))).isInstanceOf(AuthException.class);
    }

    @Test
    void resume_fromTheSameSecretAfterARestart_isAccepted() throws AuthException {
        String resume = resumes.issue(robin);
        GuestResume afterRestart = new TokenService(SECRET.clone(), clock).guestResume(Duration.ofHours(12));

        assertThat(afterRestart.resume(resume).id()).isEqualTo(robin.id());
    }

    @Test
    void aTokenIsNoResume_andAResumeIsNoToken() {
        String token = tokens.sign(robin.id(), "Robin", Role.MEMBER, null, Duration.ofHours(1));
        String resume = resumes.issue(robin);

        assertThatThrownBy(() -> resumes.resume(token)).isInstanceOf(AuthException.class);
        assertThatThrownBy(() -> tokens.verify(resume)).isInstanceOf(AuthException.class);
    }

    @Test
    void issue_forATokenUserOrWhenOff_givesNone() {
        Identity fran = new Identity("fac-1", "Fran", Role.FACILITATOR, null, false);
        GuestResume off = tokens.guestResume(Duration.ZERO);

        assertThat(resumes.issue(fran)).isNull();
        assertThat(off.issue(robin)).isNull();
        assertThatThrownBy(() -> off.resume(resumes.issue(robin))).isInstanceOf(AuthException.class);
    }

    @Test
    void refusal_neverQuotesTheResume() {
        String resume = resumes.issue(robin);
        String altered = resume.substring(0, resume.length() - 2) + "xx";

        assertThatThrownBy(() -> resumes.resume(altered)).isInstanceOf(AuthException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(altered).doesNotContain("Robin"));
    }
}
