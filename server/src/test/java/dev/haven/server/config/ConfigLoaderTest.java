package dev.haven.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.haven.protocol.model.RoomCategory;
import dev.haven.server.care.CareServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader();

    private Path file(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    @Test
    void load_defaults_listenOnLoopbackWithSampleRoomsOfEveryCategory() {
        HavenConfig config = loader.load(null, Map.of());
        assertThat(config.server().host()).isEqualTo("127.0.0.1");
        assertThat(config.server().port()).isEqualTo(8080);
        assertThat(config.auth().allowGuests()).isTrue();
        assertThat(config.auth().tokenSecret()).isNull();
        assertThat(config.limits().maxTextChars()).isEqualTo(4000);
        assertThat(config.limits().maxFrameBytes()).isEqualTo(65536);
        assertThat(config.history().maxMessages()).isEqualTo(200);
        assertThat(config.history().maxAgeSeconds()).isEqualTo(86400);
        assertThat(config.history().maxBytes()).isEqualTo(256 * 1024);
        assertThat(config.rooms()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(config.server().handshakeTimeoutSeconds()).isEqualTo(10);
        assertThat(config.server().allowedOrigins()).isEqualTo(ServerSettings.DEFAULT_ALLOWED_ORIGINS);
        assertThat(config.server().tls()).isNull();
        assertThat(config.limits().badFramesPerMinute()).isEqualTo(10);
        assertThat(config.limits().connectionsPerAddress()).isEqualTo(100);
        assertThat(config.limits().maxConnections()).isEqualTo(20_000);
        assertThat(config.limits().outboundQueueBytes()).isEqualTo(1024 * 1024);
        assertThat(config.limits()).isEqualTo(LimitSettings.defaults());
        assertThat(config.rooms()).extracting(RoomSettings::category)
                .contains(RoomCategory.CONDITION, RoomCategory.DEMOGRAPHIC, RoomCategory.GENERAL);
        assertThat(config.rooms()).allSatisfy(room -> {
            assertThat(room.guidelines()).isNotBlank();
            assertThat(room.topic()).isNotBlank();
            assertThat(room.tags()).isNotEmpty();
        });
    }

    @Test
    void load_defaults_sayHowThePageHidesAndWhatEveryRoomsGuidelinesTellMembers() {
        HavenConfig config = loader.load(null, Map.of());
        assertThat(config.site().neutralTitle()).isEqualTo("Haven");
        assertThat(config.site().quickExitUrl()).isEqualTo("https://www.google.com/");
        assertThat(config.site().region()).isEqualTo("US");
        assertThat(config.site().emergencyNumber()).isEqualTo("911");
        assertThat(config.site().operator()).as("the operator says who they are").isNull();
        assertThat(config.site().guidelinesNotice()).contains("read automatically for crisis language",
                "never the other members", "could copy", "never used to train AI models", "not an emergency service");
        assertThat(config.auth().guestResumeSeconds()).isEqualTo(12 * 3600);
    }

    @Test
    void load_siteAndResume_badValuesAreNamed() throws IOException {
        assertThatThrownBy(() -> loader.load(file("exit.yaml", "site:\n  quickExitUrl: javascript:alert(1)\n"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("site.quickExitUrl");
        assertThatThrownBy(() -> loader.load(file("region.yaml", "site:\n  region: Narnia\n"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("site.region");
        assertThatThrownBy(() -> loader.load(file("resume.yaml", "auth:\n  guestResumeSeconds: -1\n"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("auth.guestResumeSeconds");
        HavenConfig custom = loader.load(file("site.yaml", "site:\n  operator: Run by the Riverside Clinic\n"
                + "  neutralTitle: Notes\n  guidelinesNotice: ''\n"), Map.of());
        assertThat(custom.site().operator()).isEqualTo("Run by the Riverside Clinic");
        assertThat(custom.site().neutralTitle()).isEqualTo("Notes");
        assertThat(custom.site().guidelinesNotice()).isNull();
    }

    @Test
    void load_defaults_shipTheHelplineCardsWithSourcesAndDutyOfCareSettings() {
        HavenConfig config = loader.load(null, Map.of());
        assertThat(config.resources().cards()).extracting(ResourceCardSettings::id).contains(
                "us-988", "us-veterans-crisis-line", "us-crisis-text-line", "us-samhsa-helpline", "us-trevor-project",
                "us-friendship-line", "gb-samaritans", "ie-samaritans", "gb-shout", "ca-988", "au-lifeline", "nz-1737",
                "int-findahelpline", "int-iasp");
        assertThat(config.resources().cards()).allSatisfy(card -> {
            assertThat(card.source()).startsWith("https://");
            assertThat(card.verifiedDate()).isNotNull();
        });
        assertThat(config.resources().staleAfterDays()).isEqualTo(180);
        assertThat(config.care()).isEqualTo(CareSettings.defaults());
        assertThat(config.rooms()).allSatisfy(room -> {
            assertThat(room.region()).isEqualTo("US");
            assertThat(room.holdMethodDetail()).isFalse();
        });
        assertThat(config.rooms()).extracting(RoomSettings::audience).contains("veterans", "lgbtq", "older-adults");
    }

    @Test
    void load_careModel_isOnByDefault_andTakesOnOrOff() throws IOException {
        assertThat(loader.load(null, Map.of()).care().modelOn()).isTrue();
        assertThat(loader.load(file("off.yaml", "care:\n  model: off\n"), Map.of()).care().modelOn()).isFalse();
        assertThat(loader.load(file("on.yaml", "care:\n  model: on\n"), Map.of()).care().modelOn()).isTrue();
        assertThatThrownBy(() -> loader.load(file("maybe.yaml", "care:\n  model: maybe\n"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("care.model must be on or off");
    }

    @Test
    void load_careAndResourceMistakes_failNamingTheSetting() throws IOException {
        assertThatThrownBy(() -> loader.load(file("t.yaml", "care:\n  ackTimeoutSeconds: {high: 0, concern: 1, request: 1}\n"),
                Map.of())).isInstanceOf(ConfigException.class).hasMessageContaining("care.ackTimeoutSeconds.high");
        HavenConfig unknownLexicon = loader.load(file("l.yaml", "care:\n  lexicons: [builtin:xx]\n"), Map.of());
        assertThatThrownBy(() -> CareServices.create(unknownLexicon, Clock.systemUTC()))
                .as("the server's start reads the lexicons").isInstanceOf(ConfigException.class)
                .hasMessageContaining("care.lexicons");
        assertThatThrownBy(() -> loader.load(file("c.yaml", """
                resources:
                  cards:
                    - id: x
                      name: X
                      region: US
                      channels: [{type: call, value: "1"}]
                      verifiedOn: 2026-01-01
                """), Map.of())).isInstanceOf(ConfigException.class).hasMessageContaining("source");
        assertThatThrownBy(() -> loader.load(file("d.yaml", """
                resources:
                  cards:
                    - {id: x, name: X, region: US, channels: [{type: fax, value: "1"}], source: s, verifiedOn: 2026-01-01}
                """), Map.of())).isInstanceOf(ConfigException.class).hasMessageContaining("call, text, chat or web");
        assertThatThrownBy(() -> loader.load(file("e.yaml", """
                resources:
                  cards:
                    - {id: x, name: X, region: USA, channels: [{type: call, value: "1"}], source: s, verifiedOn: 2026-01-01}
                """), Map.of())).isInstanceOf(ConfigException.class).hasMessageContaining("ISO 3166-1");
        assertThatThrownBy(() -> loader.load(file("f.yaml", """
                resources:
                  cards:
                    - {id: x, name: X, region: US, channels: [{type: call, value: "1"}], source: s, verifiedOn: soon}
                """), Map.of())).isInstanceOf(ConfigException.class).hasMessageContaining("verifiedOn");
        assertThatThrownBy(() -> loader.load(file("r.yaml", """
                rooms:
                  - {id: a, name: A, category: general, capacity: 5, region: Atlantis}
                """), Map.of())).isInstanceOf(ConfigException.class).hasMessageContaining("room 'a': region");
    }

    @Test
    void load_file_mergesOverDefaultsAndReplacesRooms() throws IOException {
        Path file = file("haven.yaml", """
                server:
                  port: 9999
                history:
                  maxMessages: 50
                rooms:
                  - id: only-room
                    name: Only
                    category: general
                    capacity: 5
                """);
        HavenConfig config = loader.load(file, Map.of());
        assertThat(config.server().port()).isEqualTo(9999);
        assertThat(config.server().host()).isEqualTo("127.0.0.1");
        assertThat(config.history().maxMessages()).isEqualTo(50);
        assertThat(config.history().maxAgeSeconds()).isEqualTo(86400);
        assertThat(config.rooms()).extracting(RoomSettings::id).containsExactly("only-room");
        assertThat(config.rooms().get(0).locked()).isFalse();
        assertThat(config.rooms().get(0).guidelines()).isNull();
    }

    @Test
    void load_defaults_sampleRoomsNeedNoFacilitator_andTheGracePeriodIs90Seconds() {
        HavenConfig config = loader.load(null, Map.of());
        assertThat(config.sessions().facilitatorGraceSeconds()).isEqualTo(90);
        assertThat(config.rooms()).allSatisfy(room -> {
            assertThat(room.requireFacilitator()).isFalse();
            assertThat(room.guidelinesVersion()).isEqualTo(1);
        });
    }

    @Test
    void load_sessionSettings_andARoomThatRequiresAFacilitator() throws IOException {
        Path file = file("haven.yaml", """
                sessions:
                  facilitatorGraceSeconds: 30
                rooms:
                  - id: thursday
                    name: Thursday Group
                    category: condition
                    capacity: 12
                    guidelines: Be kind.
                    guidelinesVersion: 3
                    requireFacilitator: true
                """);
        HavenConfig config = loader.load(file, Map.of());
        assertThat(config.sessions().facilitatorGraceSeconds()).isEqualTo(30);
        assertThat(config.rooms().get(0).requireFacilitator()).isTrue();
        assertThat(config.rooms().get(0).guidelinesVersion()).isEqualTo(3);
    }

    @Test
    void load_checkinSettings_andAWitnessRoom_withDefaultsElsewhere() throws IOException {
        HavenConfig defaults = loader.load(null, Map.of());
        assertThat(defaults.checkins().idleSeconds()).isEqualTo(7200);
        assertThat(defaults.rooms()).noneMatch(RoomSettings::checkinWitness);

        Path file = file("haven.yaml", """
                checkins:
                  idleSeconds: 600
                rooms:
                  - id: youth
                    name: Young People's Group
                    category: demographic
                    capacity: 12
                    checkinWitness: true
                """);
        HavenConfig config = loader.load(file, Map.of());
        assertThat(config.checkins().idleSeconds()).isEqualTo(600);
        assertThat(config.rooms().get(0).checkinWitness()).isTrue();
    }

    @Test
    void load_checkinIdleOutOfRange_failsNamingTheSetting() throws IOException {
        Path file = file("haven.yaml", "checkins:\n  idleSeconds: 59\n");
        assertThatThrownBy(() -> loader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("checkins.idleSeconds");
    }

    @Test
    void load_gracePeriodOutOfRange_failsNamingTheSetting() throws IOException {
        Path file = file("haven.yaml", "sessions:\n  facilitatorGraceSeconds: 0\n");
        assertThatThrownBy(() -> loader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("sessions.facilitatorGraceSeconds");
    }

    @Test
    void load_jsonFile_isReadToo() throws IOException {
        Path file = file("haven.json", "{\"server\":{\"port\":7000}}");
        assertThat(loader.load(file, Map.of()).server().port()).isEqualTo(7000);
    }

    @Test
    void load_environment_overridesFile() throws IOException {
        Path file = file("haven.yaml", "server:\n  port: 9999\n");
        HavenConfig config = loader.load(file, Map.of("HAVEN_PORT", "7001", "HAVEN_HOST", "::1",
                "HAVEN_TOKEN_SECRET", "s".repeat(40)));
        assertThat(config.server().port()).isEqualTo(7001);
        assertThat(config.server().host()).isEqualTo("::1");
        assertThat(config.auth().tokenSecret()).hasSize(40);
    }

    @Test
    void load_operationsSettings_defaultsAndEnvironment() throws IOException {
        HavenConfig defaults = loader.load(null, Map.of());
        assertThat(defaults.state().dir()).isNull();
        assertThat(defaults.metrics().enabled()).isTrue();
        assertThat(defaults.metrics().perRoom()).isFalse();
        assertThat(defaults.paging().webhooks()).isEmpty();
        assertThat(defaults.logging().json()).isFalse();

        Path file = file("haven.yaml", "paging:\n  webhooks: [https://pager.example.org/h]\n  maxAttempts: 3\n"
                + "metrics:\n  perRoom: true\n");
        HavenConfig config = loader.load(file, Map.of("HAVEN_STATE_DIR", "/srv/haven", "HAVEN_LOG_FORMAT", "JSON",
                "HAVEN_PAGING_SECRET", "p".repeat(32)));
        assertThat(config.state().dir()).isEqualTo("/srv/haven");
        assertThat(config.logging().json()).isTrue();
        assertThat(config.paging().secret()).hasSize(32);
        assertThat(config.paging().maxAttempts()).isEqualTo(3);
        assertThat(config.paging().toString()).doesNotContain("ppp");
        assertThat(config.metrics().perRoom()).isTrue();
    }

    @Test
    void load_operationsMistakes_failNamingTheSetting() throws IOException {
        Path noSecret = file("a.yaml", "paging:\n  webhooks: [https://pager.example.org/h]\n");
        assertThatThrownBy(() -> loader.load(noSecret, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("paging.secret");
        Path badUrl = file("b.yaml", "paging:\n  webhooks: [ftp://x]\n  secret: " + "p".repeat(32) + "\n");
        assertThatThrownBy(() -> loader.load(badUrl, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("paging.webhooks");
        assertThatThrownBy(() -> loader.load(null, Map.of("HAVEN_LOG_FORMAT", "xml")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("logging.format");
        Path badSchedule = file("c.yaml", "rooms:\n  - {id: g, name: G, category: general, capacity: 5,"
                + " schedule: {days: [thu], start: '19:00', durationMinutes: 60, timeZone: Nowhere/City}}\n");
        assertThatThrownBy(() -> loader.load(badSchedule, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("schedule.timeZone");
        Path peerLed = file("d.yaml", "rooms:\n  - {id: g, name: G, category: general, capacity: 5,"
                + " requireFacilitator: false,"
                + " schedule: {days: [thu], start: '19:00', durationMinutes: 60, timeZone: UTC}}\n");
        assertThatThrownBy(() -> loader.load(peerLed, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("requires a facilitator");
    }

    @Test
    void load_scheduledRoom_requiresAFacilitator() throws IOException {
        Path file = file("haven.yaml", "rooms:\n  - {id: g, name: G, category: general, capacity: 5,"
                + " schedule: {days: [thu, sun], start: '19:00', durationMinutes: 60, timeZone: Europe/London}}\n");
        RoomSettings room = loader.load(file, Map.of()).rooms().get(0);
        assertThat(room.requireFacilitator()).isTrue();
        assertThat(room.schedule().lobbyMinutes()).isEqualTo(15);
        assertThat(room.schedule().dayNames()).containsExactly("thu", "sun");
    }

    @Test
    void load_theDistributionsSampleConfiguration_isValid() {
        HavenConfig sample = loader.load(Path.of("src/main/dist/etc/haven.yaml"), Map.of());
        assertThat(sample.logging().json()).isTrue();
        assertThat(sample.rooms()).anySatisfy(r -> assertThat(r.schedule()).isNotNull());
    }

    @Test
    void load_unknownKey_failsNamingIt() throws IOException {
        Path file = file("haven.yaml", "server:\n  prot: 9999\n");
        assertThatThrownBy(() -> loader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("prot");
    }

    @Test
    void load_portOutOfRange_failsNamingTheSetting() throws IOException {
        Path file = file("haven.yaml", "server:\n  port: 70000\n");
        assertThatThrownBy(() -> loader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("server.port");
    }

    @Test
    void load_badEnvironmentPort_fails() {
        assertThatThrownBy(() -> loader.load(null, Map.of("HAVEN_PORT", "eighty")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("HAVEN_PORT");
    }

    @Test
    void load_duplicateRoomIds_fail() throws IOException {
        Path file = file("haven.yaml", """
                rooms:
                  - {id: a, name: A, category: general, capacity: 5}
                  - {id: a, name: B, category: general, capacity: 5}
                """);
        assertThatThrownBy(() -> loader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'a' is configured twice");
    }

    @Test
    void load_unknownCategory_fails() throws IOException {
        Path file = file("haven.yaml", "rooms:\n  - {id: a, name: A, category: sports, capacity: 5}\n");
        assertThatThrownBy(() -> loader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("category");
    }

    @Test
    void load_roomWithoutCapacity_fails() throws IOException {
        Path file = file("haven.yaml", "rooms:\n  - {id: a, name: A, category: general}\n");
        assertThatThrownBy(() -> loader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("capacity");
    }

    @Test
    void load_missingFile_fails() {
        assertThatThrownBy(() -> loader.load(dir.resolve("nope.yaml"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("does not exist");
    }

    @Test
    void load_malformedYaml_failsWithLine() throws IOException {
        Path file = file("haven.yaml", "server:\n  port: [1\n");
        assertThatThrownBy(() -> loader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not valid YAML");
    }

    @Test
    void load_hardeningSettings_areRead() throws IOException {
        Path file = file("haven.yaml", """
                server:
                  handshakeTimeoutSeconds: 5
                  allowedOrigins: [self, "https://chat.example.org", "http://intranet:*"]
                  tls:
                    certificateFile: /etc/haven/cert.pem
                    privateKeyFile: /etc/haven/key.pem
                limits:
                  badFramesPerMinute: 3
                  connectionsPerAddress: 7
                  maxConnections: 70
                  outboundQueueBytes: 131072
                """);
        HavenConfig config = loader.load(file, Map.of());
        assertThat(config.server().handshakeTimeoutSeconds()).isEqualTo(5);
        assertThat(config.server().allowedOrigins()).containsExactly("self", "https://chat.example.org",
                "http://intranet:*");
        assertThat(config.server().tls()).isEqualTo(new TlsSettings("/etc/haven/cert.pem", "/etc/haven/key.pem"));
        assertThat(config.limits().badFramesPerMinute()).isEqualTo(3);
        assertThat(config.limits().connectionsPerAddress()).isEqualTo(7);
        assertThat(config.limits().maxConnections()).isEqualTo(70);
        assertThat(config.limits().outboundQueueBytes()).isEqualTo(131072);
        assertThat(config.limits().maxTextChars()).as("the rest keep their defaults").isEqualTo(4000);
    }

    @Test
    void load_badOrigin_failsNamingTheSettingAndTheEntry() throws IOException {
        Path file = file("haven.yaml", "server:\n  allowedOrigins: [\"https://chat.example.org/app\"]\n");
        assertThatThrownBy(() -> loader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("server.allowedOrigins").hasMessageContaining("https://chat.example.org/app");
    }

    @Test
    void load_tlsWithoutKey_failsNamingTheSetting() throws IOException {
        Path file = file("haven.yaml", "server:\n  tls:\n    certificateFile: /etc/haven/cert.pem\n");
        assertThatThrownBy(() -> loader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("server.tls.privateKeyFile");
    }

    @Test
    void load_limitsOutOfRange_failNamingTheSetting() throws IOException {
        for (String line : new String[] {"badFramesPerMinute: 0", "connectionsPerAddress: 0", "maxConnections: 0",
                "outboundQueueBytes: 1000"}) {
            Path file = file("haven.yaml", "limits:\n  " + line + "\n");
            assertThatThrownBy(() -> loader.load(file, Map.of())).as(line)
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("limits." + line.substring(0, line.indexOf(':')));
        }
        Path file = file("haven.yaml", "server:\n  handshakeTimeoutSeconds: 0\n");
        assertThatThrownBy(() -> loader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("server.handshakeTimeoutSeconds");
        Path history = file("history.yaml", "history:\n  maxBytes: 1000\n");
        assertThatThrownBy(() -> loader.load(history, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("history.maxBytes");
    }
}
