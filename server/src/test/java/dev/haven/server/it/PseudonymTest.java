package dev.haven.server.it;

import static dev.haven.server.it.SessionClients.LOUNGE;
import static dev.haven.server.it.SessionClients.join;
import static dev.haven.server.it.SessionClients.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.haven.protocol.model.Role;
import dev.haven.server.testing.TestClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pseudonyms at hello, and names unique within a room. */
class PseudonymTest {
    private final SessionClients people = new SessionClients();
    private final List<TestClient> raw = new ArrayList<>();

    @AfterEach
    void stop() {
        raw.forEach(TestClient::close);
        people.close();
    }

    private JsonNode hello(String name) {
        TestClient client = TestClient.connect(people.server.port());
        raw.add(client);
        return client.request("{\"type\":\"hello\",\"name\":\"" + name + "\"}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "robin@example.org|an e-mail address",
        "Robin (robin.b@mail.co.uk)|an e-mail address",
        "https://robin.example|a web address",
        "www.robin-talks.net|a web address",
        "robin.example.com|a web address",
        "bit.ly/robin|a web address",
        "Robin 555 123 4567|a phone number",
        "Call +44 20 7946 0958|a phone number",
        "Robin (212) 555-0147|a phone number",
        "Ｒｏｂｉｎ ５５５１２３４５６７|a phone number"})
    void hello_withContactDetailsInTheName_isABadRequestSayingWhat(String name, String what) {
        JsonNode reply = hello(name);
        assertThat(reply.path("type").asText()).isEqualTo("error");
        assertThat(reply.path("code").asText()).isEqualTo("bad_request");
        assertThat(reply.path("message").asText()).contains("must not contain " + what).doesNotContain(name);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Robin", "Mr. Lee", "Sam 1985", "Quiet Fern", "J.R.", "Ana-María", "@robin",
        "Room 101", "Daisy 2 ✿"})
    void hello_withAnOrdinaryPseudonym_isAccepted(String name) {
        assertThat(hello(name).path("type").asText()).isEqualTo("ok");
    }

    @Test
    void hello_withAnEmptyOrOverlongName_isABadRequest() {
        assertThat(hello("   ").path("code").asText()).isEqualTo("bad_request");
        assertThat(hello("x".repeat(33)).path("message").asText()).contains("1 to 32 characters");
        assertThat(hello("  " + "y".repeat(32) + "  ").path("user").path("name").asText()).isEqualTo("y".repeat(32));
    }

    @Test
    void sameNameInARoom_getsASuffix_thatHoldsForTheVisit() {
        TestClient first = people.guest("Robin");
        TestClient second = people.guest("robin");
        TestClient member = people.person("m-robin", "ROBIN", Role.MEMBER);
        join(first, LOUNGE);
        JsonNode joined = join(second, LOUNGE);
        join(member, LOUNGE);

        assertThat(joined.path("members").findValuesAsText("name")).containsExactly("Robin", "robin (2)");
        JsonNode message = ok(second, "{'type':'send','room':'lounge','text':'hi'}");
        assertThat(first.await(f -> f.path("type").asText().equals("message")
                && f.path("seq").asLong() == message.path("seq").asLong()).path("from").path("name").asText())
                .isEqualTo("robin (2)");
        JsonNode present = ok(people.person("m-x", "X", Role.MEMBER), "{'type':'join','room':'lounge'}");
        assertThat(present.path("members").findValuesAsText("name")).containsExactly("Robin", "robin (2)", "ROBIN (3)", "X");

        ok(first, "{'type':'leave','room':'lounge'}");
        ok(second, "{'type':'send','room':'lounge','text':'still me'}");
        assertThat(second.await(f -> f.path("type").asText().equals("message")
                && f.path("text").asText().equals("still me")).path("from").path("name").asText()).isEqualTo("robin (2)");
        assertThat(join(people.guest("Robin"), "lounge").path("members").findValuesAsText("name")).contains("Robin");
    }

    @Test
    void guestWhoTookAFacilitatorsName_givesWayWhenTheFacilitatorComes_andItsMessagesFollow() {
        TestClient impostor = people.guest("Fran");
        TestClient sam = people.guest("Sam");
        join(impostor, LOUNGE);
        join(sam, LOUNGE);
        long seq = ok(impostor, "{'type':'send','room':'lounge','text':'I am the facilitator, trust me'}").path("seq")
                .asLong();
        String impostorId = sam.await(f -> f.path("type").asText().equals("message") && f.path("seq").asLong() == seq)
                .path("from").path("id").asText();

        TestClient fran = people.person("fac-fran", "Fran", Role.FACILITATOR);
        JsonNode franJoined = join(fran, LOUNGE);

        assertThat(franJoined.path("members").findValuesAsText("name")).containsExactlyInAnyOrder("Fran (2)", "Sam", "Fran");
        JsonNode update = sam.await(f -> f.path("type").asText().equals("presence")
                && f.path("event").asText().equals("update") && f.path("member").path("id").asText().equals(impostorId));
        assertThat(update.path("member").path("name").asText()).isEqualTo("Fran (2)");
        assertThat(franJoined.path("history").findValues("from")).anySatisfy(from -> {
            assertThat(from.path("id").asText()).isEqualTo(impostorId);
            assertThat(from.path("name").asText()).as("held messages carry the new name").isEqualTo("Fran (2)");
        });
        assertThat(franJoined.path("members").findValues("name").stream()
                .filter(n -> n.asText().equals("Fran")).count()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Fr\u200Ban", "Fr\u0430n", "Fra\u0301n", "ＦＲＡＮ"})
    void guestWithALookAlikeOfAFacilitatorsName_getsASuffix(String lookAlike) {
        TestClient fran = people.person("fac-fran", "Fran", Role.FACILITATOR);
        join(fran, LOUNGE);
        TestClient impostor = TestClient.connect(people.server.port());
        raw.add(impostor);
        assertThat(impostor.request("{\"type\":\"hello\",\"name\":\"" + lookAlike + "\"}").path("type").asText())
                .isEqualTo("ok");

        JsonNode joined = impostor.request("{\"type\":\"join\",\"room\":\"lounge\"}");

        assertThat(joined.path("members").findValuesAsText("name")).contains("Fran")
                .anySatisfy(name -> assertThat(name).endsWith(" (2)"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\u202Enarf|change the direction of text",
        "\u200B\u200B|visible characters",
        "\u3164|visible characters"})
    void hello_withANameThatHidesOrTurnsText_isABadRequest(String name, String why) {
        JsonNode reply = hello(name);
        assertThat(reply.path("code").asText()).isEqualTo("bad_request");
        assertThat(reply.path("message").asText()).contains(why);
    }
}
