package dev.haven.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.haven.protocol.model.AlertAction;
import dev.haven.protocol.model.AlertKind;
import dev.haven.protocol.model.ChannelType;
import dev.haven.protocol.model.CrisisTier;
import dev.haven.protocol.model.NoticeKind;
import dev.haven.protocol.model.ResourceCard;
import dev.haven.protocol.server.Alert;
import dev.haven.protocol.server.HeldMessage;
import dev.haven.protocol.server.Notice;
import dev.haven.protocol.server.ResourceEvent;
import dev.haven.protocol.server.ResourcesResult;
import dev.haven.protocol.server.SendResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client's duty-of-care requests and events, against a fake socket. */
class HavenClientCareTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CARD = "{\"id\":\"us-988\",\"name\":\"988 Lifeline\",\"region\":\"US\","
            + "\"audience\":\"general\",\"channels\":[{\"type\":\"call\",\"value\":\"988\"}],\"hours\":\"24/7\","
            + "\"alwaysOpen\":true,\"source\":\"https://988lifeline.org/\",\"verifiedOn\":\"2026-11-26\"}";

    private final FakeWebSocket socket = new FakeWebSocket();
    private final List<Object> events = new CopyOnWriteArrayList<>();
    private HavenClient client;

    @BeforeEach
    void attach() {
        client = new HavenClient(new HavenListener() {
            @Override
            public void onNotice(Notice notice) {
                events.add(notice);
            }

            @Override
            public void onAlert(Alert alert) {
                events.add(alert);
            }

            @Override
            public void onResource(ResourceEvent resource) {
                events.add(resource);
            }

            @Override
            public void onHeldMessage(HeldMessage held) {
                events.add(held);
            }
        });
        client.attach(socket);
    }

    @Test
    void careRequests_sendTheirFields_andResourcesDecodesItsCards() throws Exception {
        HavenRoom lounge = client.room("lounge");
        lounge.requestFacilitator("please");
        lounge.ackAlert("alert-1", AlertAction.FALSE_ALARM);
        lounge.shareResource("us-988", "u2");
        CompletableFuture<ResourcesResult> cards = lounge.resources("US");

        JsonNode request = JSON.readTree(socket.sent.get(0));
        assertThat(request.path("type").asText()).isEqualTo("request_facilitator");
        assertThat(request.path("note").asText()).isEqualTo("please");
        JsonNode ack = JSON.readTree(socket.sent.get(1));
        assertThat(ack.path("type").asText()).isEqualTo("ack_alert");
        assertThat(ack.path("alertId").asText()).isEqualTo("alert-1");
        assertThat(ack.path("action").asText()).isEqualTo("false_alarm");
        JsonNode share = JSON.readTree(socket.sent.get(2));
        assertThat(share.path("card").asText()).isEqualTo("us-988");
        assertThat(share.path("user").asText()).isEqualTo("u2");
        JsonNode list = JSON.readTree(socket.sent.get(3));
        assertThat(list.path("type").asText()).isEqualTo("resources");
        assertThat(list.path("region").asText()).isEqualTo("US");

        client.onText("{\"type\":\"ok\",\"id\":\"4\",\"cards\":[" + CARD + "]}");
        assertThat(cards.get(1, TimeUnit.SECONDS).cards()).singleElement().satisfies(card -> {
            assertThat(card.id()).isEqualTo("us-988");
            assertThat(card.channels().get(0).type()).isEqualTo(ChannelType.CALL);
            assertThat(card.alwaysOpen()).isTrue();
        });
    }

    @Test
    void aHeldSend_completesWithHeldAndNoSeq() throws Exception {
        CompletableFuture<SendResult> sent = client.send("lounge", "words");
        client.onText("{\"type\":\"ok\",\"id\":\"1\",\"held\":true}");
        SendResult result = sent.get(1, TimeUnit.SECONDS);
        assertThat(result.held()).isTrue();
        assertThat(result.seq()).isNull();
    }

    @Test
    void careEvents_reachTheirListenerMethods() {
        client.onText("{\"type\":\"notice\",\"room\":\"lounge\",\"kind\":\"support\",\"alertId\":\"alert-1\","
                + "\"text\":\"We are here.\",\"resources\":[" + CARD + "]}");
        client.onText("{\"type\":\"alert\",\"room\":\"lounge\",\"kind\":\"crisis\",\"member\":\"u1\",\"name\":\"Kim\","
                + "\"seq\":3,\"ts\":5,\"alertId\":\"alert-1\",\"tier\":\"high\",\"urgent\":true,\"escalated\":true}");
        client.onText("{\"type\":\"resource\",\"room\":\"lounge\",\"card\":" + CARD + "}");
        client.onText("{\"type\":\"held_message\",\"room\":\"lounge\",\"alertId\":\"alert-1\",\"from\":{\"id\":\"u1\","
                + "\"name\":\"Kim\",\"role\":\"member\"},\"text\":\"words\",\"ts\":5}");

        assertThat(events).hasSize(4);
        assertThat(events.get(0)).isInstanceOfSatisfying(Notice.class, n -> {
            assertThat(n.kind()).isEqualTo(NoticeKind.SUPPORT);
            assertThat(n.resources()).extracting(ResourceCard::id).containsExactly("us-988");
        });
        assertThat(events.get(1)).isInstanceOfSatisfying(Alert.class, a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.CRISIS);
            assertThat(a.tier()).isEqualTo(CrisisTier.HIGH);
            assertThat(a.urgent()).isTrue();
            assertThat(a.escalated()).isTrue();
        });
        assertThat(events.get(2)).isInstanceOfSatisfying(ResourceEvent.class,
                r -> assertThat(r.card().name()).isEqualTo("988 Lifeline"));
        assertThat(events.get(3)).isInstanceOfSatisfying(HeldMessage.class,
                h -> assertThat(h.alertId()).isEqualTo("alert-1"));
    }
}
