package dev.haven.server.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.haven.protocol.ErrorCode;
import dev.haven.protocol.ProtocolCodec;
import dev.haven.protocol.model.Role;
import dev.haven.server.auth.AuthException;
import dev.haven.server.auth.Identity;
import dev.haven.server.auth.TokenService;
import dev.haven.server.care.AlertSummary;
import dev.haven.server.room.Room;
import dev.haven.server.room.RoomRegistry;
import dev.haven.server.state.RoomCatalog;
import dev.haven.server.state.StateUnavailableException;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes the admin API's requests. In order: the caller's address within its rate (429), a
 * bearer token (401) whose role is {@code admin} (403), a route (404, 405), then the work, which
 * completes later for what runs on a room's executor. Every call, refused or not, is audited.
 * Thread-safe; the transport calls it from any event loop.
 */
public final class AdminApi {
    public static final String PREFIX = "/api/v1";
    private static final Logger log = LoggerFactory.getLogger(AdminApi.class);
    private static final Pattern ROOM = Pattern.compile("/api/v1/rooms/([a-z0-9][a-z0-9_-]{0,63})");
    private static final Pattern ANNOUNCEMENTS = Pattern.compile("/api/v1/rooms/([a-z0-9][a-z0-9_-]{0,63})/announcements");
    private static final Pattern USER_SESSIONS = Pattern.compile("/api/v1/users/([^/]{1,128})/sessions");

    private final RoomRegistry rooms;
    private final TokenService tokens;
    private final ServerControl server;
    private final Clock clock;
    private final int maxTextChars;
    private final ObjectMapper json = ProtocolCodec.newMapper();
    private final RoomAdmin roomAdmin;
    private final AdminRateLimit rateLimit;
    private final AdminAudit audit = new AdminAudit();
    private final AdminCluster cluster;

    /**
     * @param ticker       the rate limit's time (nanoseconds)
     * @param maxTextChars the longest announcement, as for messages ({@code limits.maxTextChars})
     */
    public AdminApi(RoomRegistry rooms, RoomCatalog catalog, TokenService tokens, ServerControl server, Clock clock,
                    Ticker ticker, int maxTextChars) {
        this(rooms, catalog, tokens, server, clock, ticker, maxTextChars, AdminCluster.ALONE);
    }

    /** @param cluster the other nodes of a cluster, or {@link AdminCluster#ALONE} */
    public AdminApi(RoomRegistry rooms, RoomCatalog catalog, TokenService tokens, ServerControl server, Clock clock,
                    Ticker ticker, int maxTextChars, AdminCluster cluster) {
        this.cluster = cluster;
        this.rooms = rooms;
        this.tokens = tokens;
        this.server = server;
        this.clock = clock;
        this.maxTextChars = maxTextChars;
        this.roomAdmin = new RoomAdmin(rooms, catalog, json, cluster);
        this.rateLimit = new AdminRateLimit(ticker);
    }

    /** A call, and what it is about, as the audit log names it. */
    private record Route(String action, String target) {
    }

    public CompletableFuture<ApiResponse> handle(ApiRequest request) {
        return handle(request, true);
    }

    /** A request another node of the cluster forwarded here, where the room it is about is served. */
    public CompletableFuture<ApiResponse> handleHere(ApiRequest request) {
        return handle(request, false);
    }

    private CompletableFuture<ApiResponse> handle(ApiRequest request, boolean mayForward) {
        Route route = new Route(request.method() + " " + PREFIX + "/…", null);
        String actor = null;
        CompletableFuture<ApiResponse> answer;
        try {
            long wait = rateLimit.take(request.remoteAddress());
            if (wait > 0) {
                throw new ApiError(429, ErrorCode.RATE_LIMITED.wireName(), "too many calls; wait a moment", wait);
            }
            actor = authorise(request.authorization());
            route = route(request);
            CompletableFuture<ApiResponse> elsewhere = mayForward && route.target() != null
                    && route.action().contains("/rooms/") ? cluster.atOwner(route.target(), request) : null;
            answer = elsewhere != null ? elsewhere : dispatch(request, route);
        } catch (ApiError e) {
            answer = CompletableFuture.completedFuture(error(e));
        } catch (StateUnavailableException e) {
            // A cluster's catalog in Redis: nothing was changed, try again shortly.
            answer = CompletableFuture.completedFuture(error(new ApiError(503, ErrorCode.UNAVAILABLE.wireName(),
                    e.getMessage(), e.retryAfterMillis())));
        }
        String who = actor;
        Route what = route;
        return answer.exceptionally(failure -> error(unwrap(failure))).thenApply(response -> {
            audit.record(new AdminAudit.Entry(clock.millis(), who, what.action(), what.target(), response.status(),
                    request.remoteAddress()));
            return response;
        });
    }

    private String authorise(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            throw new ApiError(401, ErrorCode.UNAUTHENTICATED, "send Authorization: Bearer <admin token>");
        }
        Identity identity;
        try {
            identity = tokens.verify(header.substring(7).strip());
        } catch (AuthException e) {
            throw new ApiError(401, ErrorCode.UNAUTHENTICATED, e.getMessage());
        }
        if (identity.role() != Role.ADMIN) {
            throw new ApiError(403, ErrorCode.FORBIDDEN, "this needs a token with role admin");
        }
        return identity.id();
    }

    private static Route route(ApiRequest request) {
        String path = request.path().endsWith("/") ? request.path().substring(0, request.path().length() - 1)
                : request.path();
        String method = request.method().toUpperCase(Locale.ROOT);
        Matcher m;
        if (path.equals(PREFIX + "/rooms")) {
            return allowed(method, new Route(method + " /api/v1/rooms", null), "GET", "POST");
        } else if ((m = ROOM.matcher(path)).matches()) {
            return allowed(method, new Route(method + " /api/v1/rooms/{id}", m.group(1)), "GET", "PATCH", "DELETE");
        } else if ((m = ANNOUNCEMENTS.matcher(path)).matches()) {
            return allowed(method, new Route(method + " /api/v1/rooms/{id}/announcements", m.group(1)), "POST");
        } else if ((m = USER_SESSIONS.matcher(path)).matches()) {
            return allowed(method, new Route(method + " /api/v1/users/{id}/sessions", m.group(1)), "DELETE");
        } else if (path.equals(PREFIX + "/alerts")) {
            return allowed(method, new Route(method + " /api/v1/alerts", null), "GET");
        } else if (path.equals(PREFIX + "/duty")) {
            return allowed(method, new Route(method + " /api/v1/duty", null), "GET");
        } else if (path.equals(PREFIX + "/audit")) {
            return allowed(method, new Route(method + " /api/v1/audit", null), "GET");
        }
        throw ApiError.notFound("no such resource in the admin API; see docs/admin-api.yaml");
    }

    private static Route allowed(String method, Route route, String... methods) {
        for (String allowedMethod : methods) {
            if (allowedMethod.equals(method)) {
                return route;
            }
        }
        throw new ApiError(405, ErrorCode.BAD_REQUEST.wireName(), "use " + String.join(" or ", methods), 0);
    }

    private CompletableFuture<ApiResponse> dispatch(ApiRequest request, Route route) {
        String action = route.action();
        return switch (action) {
            case "GET /api/v1/rooms" -> now(200, roomAdmin::list);
            case "POST /api/v1/rooms" -> {
                Room room = roomAdmin.create(request.body());
                log.info("room created room={} by=operator", room.id());
                yield CompletableFuture.completedFuture(new ApiResponse(201, write(wrap("room", roomAdmin.view(room))),
                        0, PREFIX + "/rooms/" + room.id()));
            }
            case "GET /api/v1/rooms/{id}" -> now(200, () -> wrap("room", roomAdmin.view(roomAdmin.find(route.target()))));
            case "PATCH /api/v1/rooms/{id}" -> {
                Room room = roomAdmin.find(route.target());
                yield roomAdmin.update(room, request.body()).thenApply(info -> ok(wrap("room", roomAdmin.view(room))));
            }
            case "DELETE /api/v1/rooms/{id}" -> {
                Room room = roomAdmin.find(route.target());
                yield roomAdmin.archive(room).thenApply(present -> ok(json.createObjectNode()
                        .put("archived", room.id()).put("membersOut", present)));
            }
            case "POST /api/v1/rooms/{id}/announcements" -> announce(roomAdmin.find(route.target()), request.body());
            case "DELETE /api/v1/users/{id}/sessions" -> {
                int here = server.endSessions(route.target());
                yield cluster.endSessionsElsewhere(route.target()).thenApply(elsewhere -> ok(json.createObjectNode()
                        .put("user", route.target()).put("closed", here + elsewhere)));
            }
            case "GET /api/v1/alerts" -> alerts();
            case "GET /api/v1/duty" -> now(200, this::duty);
            case "GET /api/v1/audit" -> now(200, () -> audit(request.limit()));
            default -> throw new IllegalStateException("no handler for " + action);
        };
    }

    private CompletableFuture<ApiResponse> announce(Room room, byte[] body) {
        JsonNode node;
        try {
            node = body.length == 0 ? null : json.readTree(body);
        } catch (IOException e) {
            throw ApiError.badRequest("the body is not valid JSON");
        }
        JsonNode text = node == null ? null : node.get("text");
        if (text == null || !text.isTextual() || text.asText().isBlank()) {
            throw ApiError.badRequest("the body must be {\"text\": \"...\"}");
        }
        String words = text.asText().strip();
        if (words.codePointCount(0, words.length()) > maxTextChars) {
            throw new ApiError(413, ErrorCode.TOO_LARGE, "an announcement may be at most " + maxTextChars + " characters");
        }
        return room.operations().announce(words).thenApply(a -> new ApiResponse(201, write(wrap("announcement",
                json.createObjectNode().put("id", a.id()).put("room", a.room()).put("ts", a.ts()))), 0, null));
    }

    private CompletableFuture<ApiResponse> alerts() {
        List<CompletableFuture<List<AlertSummary>>> perRoom = new ArrayList<>();
        rooms.all().forEach(room -> perRoom.add(room.operations().openAlerts()));
        perRoom.add(cluster.alertsElsewhere());
        return CompletableFuture.allOf(perRoom.toArray(CompletableFuture[]::new)).thenApply(done -> {
            long now = clock.millis();
            ObjectNode body = json.createObjectNode();
            ArrayNode list = body.putArray("alerts");
            perRoom.stream().flatMap(f -> f.join().stream()).forEach(a -> {
                ObjectNode alert = list.addObject()
                        .put("alertId", a.alertId())
                        .put("room", a.room())
                        .put("kind", a.kind().wireName())
                        .put("member", a.member())
                        .put("openedAt", a.openedAt())
                        .put("ageSeconds", Math.max(0, (now - a.openedAt()) / 1000))
                        .put("urgent", a.urgent())
                        .put("escalated", a.escalated())
                        .put("acknowledged", a.acknowledged());
                if (a.tier() != null) {
                    alert.put("tier", a.tier().wireName());
                }
            });
            return ok(body);
        });
    }

    private ObjectNode duty() {
        ObjectNode body = json.createObjectNode();
        body.set("onDuty", json.valueToTree(rooms.care().supervisors().onDutyEverywhere()));
        body.put("supervisorsConnected", rooms.care().supervisors().online()
                + rooms.care().supervisors().onlineElsewhere());
        return body;
    }

    private ObjectNode audit(String limitParam) {
        int limit = 100;
        if (limitParam != null) {
            try {
                limit = Integer.parseInt(limitParam);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > AdminAudit.KEPT) {
                throw ApiError.badRequest("limit must be a number from 1 to " + AdminAudit.KEPT);
            }
        }
        ObjectNode body = json.createObjectNode();
        body.set("entries", json.valueToTree(audit.last(limit)));
        return body;
    }

    private CompletableFuture<ApiResponse> now(int status, Supplier<ObjectNode> body) {
        return CompletableFuture.completedFuture(ApiResponse.of(status, write(body.get())));
    }

    private ApiResponse ok(ObjectNode body) {
        return ApiResponse.of(200, write(body));
    }

    private ObjectNode wrap(String field, ObjectNode value) {
        ObjectNode body = json.createObjectNode();
        body.set(field, value);
        return body;
    }

    private ApiResponse error(ApiError e) {
        ObjectNode body = json.createObjectNode().put("type", "error").put("code", e.code).put("message", e.getMessage());
        if (e.retryAfterMs > 0) {
            body.put("retryAfterMs", e.retryAfterMs);
        }
        return new ApiResponse(e.status, write(body), e.retryAfterMs > 0 ? (e.retryAfterMs + 999) / 1000 : 0, null);
    }

    private static ApiError unwrap(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        if (cause instanceof ApiError api) {
            return api;
        }
        log.error("admin request failed error={}", cause.getClass().getName(), cause);
        return new ApiError(500, ErrorCode.INTERNAL, "the server could not do this");
    }

    private String write(JsonNode body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON answer", e);
        }
    }
}
