package dev.haven.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The web page from the classpath: files, content types, headers, and what is refused. */
class StaticFilesHandlerTest {
    private final EmbeddedChannel ch = new EmbeddedChannel(
            new StaticFilesHandler("static-test/", StaticFilesHandlerTest.class.getClassLoader()));

    @AfterEach
    void releaseEverything() {
        ch.finishAndReleaseAll();
    }

    @Test
    void get_root_servesIndexHtmlWithSecurityHeaders() {
        FullHttpResponse response = exchange(HttpMethod.GET, "/");
        try {
            assertThat(response.status()).isEqualTo(HttpResponseStatus.OK);
            assertThat(response.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("text/html; charset=utf-8");
            assertThat(body(response)).startsWith("<!doctype html>");
            assertThat(response.headers().getInt(HttpHeaderNames.CONTENT_LENGTH))
                    .isEqualTo(response.content().readableBytes());
            assertThat(response.headers().get(HttpHeaderNames.CACHE_CONTROL)).isEqualTo("no-cache");
            assertThat(response.headers().get("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.headers().get("Referrer-Policy")).isEqualTo("no-referrer");
            String csp = response.headers().get("Content-Security-Policy");
            assertThat(csp).contains("default-src 'self'", "script-src 'self'", "connect-src 'self' ws: wss:")
                    .doesNotContain("unsafe-inline", "unsafe-eval");
        } finally {
            response.release();
        }
        assertThat(ch.isOpen()).as("HTTP/1.1 keeps the connection alive").isTrue();
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void get_scriptAndStylesheet_haveTheirContentTypes() {
        FullHttpResponse script = exchange(HttpMethod.GET, "/app.js?v=2");
        FullHttpResponse style = exchange(HttpMethod.GET, "/style.css");
        try {
            assertThat(script.status()).isEqualTo(HttpResponseStatus.OK);
            assertThat(script.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("text/javascript; charset=utf-8");
            assertThat(body(script)).isEqualTo("export const x = 1;\n");
            assertThat(style.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("text/css; charset=utf-8");
        } finally {
            script.release();
            style.release();
        }
    }

    @Test
    void get_sameFileAgain_sharesOneDirectCopyOfItsBytes() {
        FullHttpResponse first = exchange(HttpMethod.GET, "/app.js");
        FullHttpResponse second = exchange(HttpMethod.GET, "/app.js");
        try {
            // A heap buffer would be copied into a new direct buffer at every write to the socket.
            assertThat(first.content().isDirect()).isTrue();
            assertThat(first.content().hasMemoryAddress()).isTrue();
            assertThat(second.content().memoryAddress()).as("the same bytes, not a copy per request")
                    .isEqualTo(first.content().memoryAddress());
            assertThat(body(second)).isEqualTo("export const x = 1;\n");
        } finally {
            first.release();
            second.release();
        }
        FullHttpResponse third = exchange(HttpMethod.GET, "/app.js");
        try {
            assertThat(body(third)).as("releasing a response leaves the shared bytes intact")
                    .isEqualTo("export const x = 1;\n");
        } finally {
            third.release();
        }
    }

    @Test
    void get_folderWithSlash_servesItsIndex() {
        FullHttpResponse response = exchange(HttpMethod.GET, "/sub/");
        try {
            assertThat(response.status()).isEqualTo(HttpResponseStatus.OK);
            assertThat(body(response)).isEqualTo("nested\n");
        } finally {
            response.release();
        }
    }

    @Test
    void head_root_hasLengthButNoBody() {
        FullHttpResponse response = exchange(HttpMethod.HEAD, "/");
        try {
            assertThat(response.status()).isEqualTo(HttpResponseStatus.OK);
            assertThat(response.content().readableBytes()).isZero();
            assertThat(response.headers().getInt(HttpHeaderNames.CONTENT_LENGTH)).isPositive();
        } finally {
            response.release();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/missing.js", "/sub", "/index", "/../static-test-secret.txt", "/%2e%2e/static-test-secret.txt",
            "/sub/../../static-test-secret.txt", "/..%2fstatic-test-secret.txt", "/.hidden.txt", "//app.js",
            "/sub//index.html", "/app.js%00.html", "/sub\\index.html", "/dev/haven/server/transport/StaticFilesHandler.class"})
    void get_missingOrUnsafePath_is404(String path) {
        FullHttpResponse response = exchange(HttpMethod.GET, path);
        try {
            assertThat(response.status()).isEqualTo(HttpResponseStatus.NOT_FOUND);
            assertThat(body(response)).doesNotContain("outside");
            assertThat(response.headers().get("X-Content-Type-Options")).isEqualTo("nosniff");
        } finally {
            response.release();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"POST", "PUT", "DELETE", "OPTIONS"})
    void otherMethod_is405WithAllow(String method) {
        FullHttpResponse response = exchange(HttpMethod.valueOf(method), "/");
        try {
            assertThat(response.status()).isEqualTo(HttpResponseStatus.METHOD_NOT_ALLOWED);
            assertThat(response.headers().get(HttpHeaderNames.ALLOW)).isEqualTo("GET, HEAD");
        } finally {
            response.release();
        }
    }

    @Test
    void healthz_passesByToTheNextHandler() {
        FullHttpRequest request = request(HttpMethod.GET, "/healthz");
        ch.writeInbound(request);

        FullHttpRequest passed = ch.readInbound();
        assertThat(passed).isSameAs(request);
        assertThat(passed.refCnt()).isEqualTo(1);
        passed.release();
        Object response = ch.readOutbound();
        assertThat(response).isNull();
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void request_isReleasedAfterItIsServed() {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/", Unpooled.buffer(0));
        ch.writeInbound(request);
        ((FullHttpResponse) ch.readOutbound()).release();

        assertThat(request.refCnt()).isZero();
    }

    @Test
    void fromJar_servesThePageBuiltIntoTheServer() {
        EmbeddedChannel jar = new EmbeddedChannel(StaticFilesHandler.fromJar());
        jar.writeInbound(request(HttpMethod.GET, "/"));
        FullHttpResponse response = jar.readOutbound();
        try {
            assertThat(response.status()).isEqualTo(HttpResponseStatus.OK);
            assertThat(body(response)).contains("<script type=\"module\"");
        } finally {
            response.release();
            jar.finishAndReleaseAll();
        }
    }

    @Test
    void contentType_unknownExtensionOrUnsafeName_isNull() {
        assertThat(StaticFilesHandler.contentType("/a.class")).isNull();
        assertThat(StaticFilesHandler.contentType("/a")).isNull();
        assertThat(StaticFilesHandler.contentType("/a/../b.js")).isNull();
        assertThat(StaticFilesHandler.contentType("/a/b.mjs")).isEqualTo("text/javascript; charset=utf-8");
    }

    private FullHttpResponse exchange(HttpMethod method, String uri) {
        ch.writeInbound(request(method, uri));
        FullHttpResponse response = ch.readOutbound();
        assertThat(response).as("a response to %s %s", method, uri).isNotNull();
        return response;
    }

    private static FullHttpRequest request(HttpMethod method, String uri) {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri, Unpooled.EMPTY_BUFFER);
        request.headers().set(HttpHeaderNames.HOST, "127.0.0.1");
        return request;
    }

    private static String body(FullHttpResponse response) {
        return response.content().toString(StandardCharsets.UTF_8);
    }
}
