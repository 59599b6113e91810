package dev.haven.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.haven.protocol.ProtocolCodec;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /healthz} and what else plain HTTP on the WebSocket port gets. */
class HttpEndpointHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A server that has been up 42 s, with 3 connections and 5 rooms. */
    private final ServerStatus status = new ServerStatus() {
        @Override
        public long uptimeSeconds() {
            return 42;
        }

        @Override
        public int connections() {
            return 3;
        }

        @Override
        public int rooms() {
            return 5;
        }
    };

    private final EmbeddedChannel ch = new EmbeddedChannel(new HttpEndpointHandler(status, ProtocolCodec.newMapper()));

    @AfterEach
    void releaseEverything() {
        ch.finishAndReleaseAll();
    }

    @Test
    void get_healthz_returns200JsonWithStatusUptimeConnectionsAndRooms() throws Exception {
        ch.writeInbound(request(HttpMethod.GET, "/healthz"));

        FullHttpResponse response = ch.readOutbound();
        try {
            assertThat(response.status()).isEqualTo(HttpResponseStatus.OK);
            assertThat(response.headers().get(HttpHeaderNames.CONTENT_TYPE)).startsWith("application/json");
            String body = response.content().toString(StandardCharsets.UTF_8);
            assertThat(response.headers().getInt(HttpHeaderNames.CONTENT_LENGTH))
                    .isEqualTo(body.getBytes(StandardCharsets.UTF_8).length);
            JsonNode json = JSON.readTree(body);
            assertThat(json.path("status").asText()).isEqualTo("ok");
            assertThat(json.path("uptimeSeconds").isIntegralNumber()).isTrue();
            assertThat(json.path("uptimeSeconds").asLong()).isEqualTo(42);
            assertThat(json.path("connections").asInt()).isEqualTo(3);
            assertThat(json.path("rooms").asInt()).isEqualTo(5);
        } finally {
            response.release();
        }
        assertThat(ch.isOpen()).as("HTTP/1.1 keeps the connection alive").isTrue();
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void get_healthzWithQueryString_isStillHealthz() throws Exception {
        ch.writeInbound(request(HttpMethod.GET, "/healthz?verbose=1"));

        FullHttpResponse response = ch.readOutbound();
        try {
            assertThat(response.status()).isEqualTo(HttpResponseStatus.OK);
            assertThat(JSON.readTree(response.content().toString(StandardCharsets.UTF_8)).path("status").asText())
                    .isEqualTo("ok");
        } finally {
            response.release();
        }
    }

    @Test
    void get_otherPath_returns404() {
        ch.writeInbound(request(HttpMethod.GET, "/admin"));

        FullHttpResponse response = ch.readOutbound();
        try {
            assertThat(response.status()).isEqualTo(HttpResponseStatus.NOT_FOUND);
            assertThat(response.content().toString(StandardCharsets.UTF_8)).doesNotContain("uptimeSeconds");
        } finally {
            response.release();
        }
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void get_pathThatOnlyStartsWithHealthz_returns404() {
        ch.writeInbound(request(HttpMethod.GET, "/healthz/extra"));

        FullHttpResponse response = ch.readOutbound();
        try {
            assertThat(response.status()).isEqualTo(HttpResponseStatus.NOT_FOUND);
        } finally {
            response.release();
        }
    }

    @Test
    void post_healthz_returns405() {
        FullHttpRequest post = request(HttpMethod.POST, "/healthz");
        post.content().writeBytes("{}".getBytes(StandardCharsets.UTF_8));
        ch.writeInbound(post);

        FullHttpResponse response = ch.readOutbound();
        try {
            assertThat(response.status()).isEqualTo(HttpResponseStatus.METHOD_NOT_ALLOWED);
            assertThat(response.content().toString(StandardCharsets.UTF_8)).doesNotContain("uptimeSeconds");
        } finally {
            response.release();
        }
        assertThat(post.refCnt()).as("the request is released").isZero();
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void head_healthz_returns200WithoutBody() {
        ch.writeInbound(request(HttpMethod.HEAD, "/healthz"));

        FullHttpResponse response = ch.readOutbound();
        try {
            assertThat(response.status()).isEqualTo(HttpResponseStatus.OK);
            assertThat(response.content().readableBytes()).isZero();
            assertThat(response.headers().getInt(HttpHeaderNames.CONTENT_LENGTH)).isPositive();
        } finally {
            response.release();
        }
    }

    @Test
    void get_healthzWithConnectionClose_closesAfterResponding() {
        FullHttpRequest request = request(HttpMethod.GET, "/healthz");
        request.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ch.writeInbound(request);

        FullHttpResponse response = ch.readOutbound();
        try {
            assertThat(response.status()).isEqualTo(HttpResponseStatus.OK);
        } finally {
            response.release();
        }
        assertThat(ch.isOpen()).isFalse();
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void channelRead_webSocketFrame_passesToTheNextHandler() {
        TextWebSocketFrame frame = new TextWebSocketFrame("{\"type\":\"ping\"}");

        ch.writeInbound(frame);

        TextWebSocketFrame passed = ch.readInbound();
        try {
            assertThat(passed).isSameAs(frame);
            assertThat(passed.refCnt()).isEqualTo(1);
        } finally {
            passed.release();
        }
        assertThat((Object) ch.readOutbound()).isNull();
        assertThat(ch.finish()).isFalse();
    }

    private static FullHttpRequest request(HttpMethod method, String uri) {
        return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri, Unpooled.buffer());
    }
}
