package dev.haven.server.admin;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.haven.protocol.ErrorCode;
import dev.haven.protocol.ProtocolCodec;
import dev.haven.protocol.model.RoomInfo;
import dev.haven.server.config.ConfigException;
import dev.haven.server.config.RoomSettings;
import dev.haven.server.room.Room;
import dev.haven.server.room.RoomRegistry;
import dev.haven.server.state.RoomCatalog;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The rooms of the admin API. A change is saved to the {@link RoomCatalog} first (so what the
 * API answered survives a restart), then applied to the running room on its own executor.
 * Changes are serialised by this object's monitor: two operators changing one room at once get
 * one order.
 */
final class RoomAdmin {
    private final RoomRegistry rooms;
    private final RoomCatalog catalog;
    private final ObjectMapper json;
    private final ObjectMapper strict;
    private final AdminCluster cluster;

    RoomAdmin(RoomRegistry rooms, RoomCatalog catalog, ObjectMapper json, AdminCluster cluster) {
        this.cluster = cluster;
        this.rooms = rooms;
        this.catalog = catalog;
        this.json = json;
        this.strict = ProtocolCodec.newMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** The room as the API shows it: its settings, and {@code live}, where it stands now. */
    ObjectNode view(Room room) {
        ObjectNode node = json.valueToTree(room.operations().settings());
        // Live figures as the room's handle has them: in a cluster, from the node that serves the room.
        var handle = rooms.handle(room.id());
        RoomInfo info = handle == null ? room.info() : handle.info();
        ObjectNode live = node.putObject("live");
        live.put("members", info.members())
                .put("state", info.state().wireName())
                .put("locked", info.locked())
                .put("admission", info.admission().wireName())
                .put("slowModeSeconds", info.slowModeSeconds())
                .put("moderated", info.moderated())
                .put("guidelinesVersion", info.guidelinesVersion());
        if (info.nextSession() != null) {
            live.put("nextSession", info.nextSession());
        }
        if (info.closesAt() != null) {
            live.put("closesAt", info.closesAt());
        }
        return node;
    }

    Room find(String id) {
        Room room = rooms.find(id);
        if (room == null) {
            throw ApiError.notFound("no room with that id");
        }
        return room;
    }

    ObjectNode list() {
        ObjectNode body = json.createObjectNode();
        var array = body.putArray("rooms");
        rooms.all().forEach(room -> array.add(view(room)));
        return body;
    }

    synchronized Room create(byte[] body) {
        RoomSettings settings = bind(parse(body));
        if (rooms.find(settings.id()) != null) {
            throw new ApiError(409, ApiError.CONFLICT, "a room with that id exists", 0);
        }
        catalog.put(settings);
        Room room = rooms.create(settings);
        if (room == null) {
            throw new ApiError(409, ApiError.CONFLICT, "a room with that id exists", 0);
        }
        cluster.roomChanged(settings);
        return room;
    }

    /**
     * Applies a JSON merge patch (RFC 7396) to the room's settings: a field given replaces, a
     * field set to null is removed, {@code id} stays. New guidelines text raises the version
     * past the one members accepted last, unless the patch names a higher one.
     */
    synchronized CompletableFuture<RoomInfo> update(Room room, byte[] body) {
        JsonNode patch = parse(body);
        if (patch.has("id") && !room.id().equals(patch.get("id").asText())) {
            throw ApiError.badRequest("a room's id cannot change");
        }
        RoomSettings current = room.operations().settings();
        ObjectNode merged = json.valueToTree(current);
        mergePatch(merged, (ObjectNode) patch);
        int liveVersion = Math.max(current.guidelinesVersion(), room.info().guidelinesVersion());
        boolean textChanged = merged.hasNonNull("guidelines") != (current.guidelines() != null)
                || merged.hasNonNull("guidelines")
                && !Objects.equals(merged.get("guidelines").asText().strip(), current.guidelines());
        if (patch.has("guidelinesVersion") && patch.get("guidelinesVersion").canConvertToInt()
                && patch.get("guidelinesVersion").asInt() < liveVersion) {
            throw ApiError.badRequest("guidelinesVersion can only rise (now " + liveVersion + ")");
        }
        if (textChanged && !patch.has("guidelinesVersion")) {
            merged.put("guidelinesVersion", liveVersion + 1);
        }
        RoomSettings next = bind(merged);
        catalog.put(next);
        cluster.roomChanged(next);
        return room.operations().reconfigure(next);
    }

    synchronized CompletableFuture<Integer> archive(Room room) {
        catalog.archive(room.id());
        return room.operations().archive().whenComplete((present, failure) -> {
            rooms.remove(room);
            cluster.roomArchived(room.id());
        });
    }

    private JsonNode parse(byte[] body) {
        JsonNode node;
        try {
            node = body.length == 0 ? null : strict.readTree(body);
        } catch (IOException e) {
            throw ApiError.badRequest("the body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw ApiError.badRequest("the body must be a JSON object");
        }
        return node;
    }

    private RoomSettings bind(JsonNode node) {
        try {
            return strict.treeToValue(node, RoomSettings.class);
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof ConfigException config) {
                throw ApiError.badRequest(config.getMessage());
            }
            throw ApiError.badRequest("the room is not valid: " + e.getOriginalMessage());
        } catch (JsonMappingException e) {
            throw ApiError.badRequest("the room is not valid at " + pathOf(e) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ApiError(400, ErrorCode.BAD_REQUEST, "the room is not valid");
        }
    }

    private static void mergePatch(ObjectNode target, ObjectNode patch) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                target.remove(field.getKey());
            } else if (value.isObject() && target.get(field.getKey()) instanceof ObjectNode existing) {
                mergePatch(existing, (ObjectNode) value);
            } else {
                target.set(field.getKey(), value);
            }
        }
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "the top level" : path.toString();
    }
}
