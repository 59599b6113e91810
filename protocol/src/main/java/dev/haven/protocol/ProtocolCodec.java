package dev.haven.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.haven.protocol.client.ClientMessage;
import dev.haven.protocol.server.Ok;
import dev.haven.protocol.server.Result;
import dev.haven.protocol.server.ServerMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one JSON codec of the protocol, used by the server and by clients. Thread-safe.
 *
 * <p>Decoding is strict: a field of the wrong JSON type is refused, never coerced; a duplicate
 * key, trailing content, deep nesting or an over-long string or number is refused. Every
 * refusal is a {@link ProtocolException} whose message names at most a field of the protocol
 * and never quotes the input.
 */
public final class ProtocolCodec {
    /** Where {@link #encode(ServerMessage)} writes a frequent frame before copying it out: one per thread. */
    private static final ThreadLocal<JsonOutput> SCRATCH = ThreadLocal.withInitial(() -> new JsonOutput(1024));
    /** A scratch buffer grown past this (a rare large frame) is not kept. */
    private static final int MAX_SCRATCH_BYTES = 64 * 1024;

    /** The longest request id a client may choose. */
    public static final int MAX_ID_LENGTH = 64;

    private static final StreamReadConstraints READ_CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(32)
            .maxStringLength(64 * 1024)
            .maxNumberLength(100)
            .build();

    private final ObjectMapper mapper;
    private final ObjectReader treeReader;
    private final ObjectReader serverReader;
    private final ObjectReader clientReader;
    private final ObjectWriter serverWriter;
    private final ObjectWriter clientWriter;
    private final Map<String, Class<?>> clientTypes;
    private final Map<Class<?>, Set<String>> fieldNames = new HashMap<>();

    public ProtocolCodec() {
        this.mapper = newMapper();
        this.treeReader = mapper.reader();
        this.serverReader = mapper.readerFor(ServerMessage.class).withHandler(new UnknownEnumValues());
        this.clientReader = mapper.readerFor(ClientMessage.class);
        this.serverWriter = mapper.writerFor(ServerMessage.class);
        this.clientWriter = mapper.writerFor(ClientMessage.class);
        this.clientTypes = typeNames(ClientMessage.class);
        for (Class<?> type : clientTypes.values()) {
            fieldNames.put(type, Arrays.stream(type.getRecordComponents())
                    .map(c -> c.getName()).collect(Collectors.toUnmodifiableSet()));
        }
    }

    /** A mapper configured as the protocol needs; also for other JSON the server writes. */
    public static ObjectMapper newMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
        mapper.getFactory().setStreamReadConstraints(READ_CONSTRAINTS);
        refuse(mapper, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Integer, CoercionInputShape.String, CoercionInputShape.Float,
                CoercionInputShape.Boolean, CoercionInputShape.EmptyString);
        refuse(mapper, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.Boolean,
                CoercionInputShape.EmptyString);
        refuse(mapper, LogicalType.Boolean, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.String, CoercionInputShape.EmptyString);
        refuse(mapper, LogicalType.Enum, CoercionInputShape.Integer, CoercionInputShape.EmptyString);
        return mapper;
    }

    private static void refuse(ObjectMapper mapper, LogicalType target, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            mapper.coercionConfigFor(target).setCoercion(shape, CoercionAction.Fail);
        }
    }

    /** Decodes one client frame (UTF-8 JSON). */
    public ClientMessage decodeClient(byte[] utf8) throws ProtocolException {
        return decodeClient(utf8, 0, utf8.length);
    }

    /**
     * Decodes one client frame (UTF-8 JSON) held in part of an array. The frequent requests are
     * read by hand ({@link HotRequests}) when they are plain; any other well-formed request is
     * bound to its record by Jackson in one pass; anything that pass refuses is read again as a
     * tree, which finds the request's id and type and names what is wrong, so a refusal is the
     * same whichever pass would have caught it. The array is not kept: a caller may reuse it.
     */
    public ClientMessage decodeClient(byte[] utf8, int offset, int length) throws ProtocolException {
        ClientMessage plain = HotRequests.read(utf8, offset, length);
        return plain != null ? plain : decodeWithJackson(utf8, offset, length);
    }

    /** {@link #decodeClient} by Jackson alone; for tests that hold the hand-written reader to it. */
    ClientMessage decodeWithJackson(byte[] utf8, int offset, int length) throws ProtocolException {
        try {
            ClientMessage message = clientReader.readValue(utf8, offset, length);
            if (message != null && (message.id() == null || message.id().length() <= MAX_ID_LENGTH)) {
                return message;
            }
        } catch (IOException | IllegalArgumentException refused) {
            // Not a valid request: the tree below says why.
        }
        return decodeClient(readTree(utf8, offset, length));
    }

    public ClientMessage decodeClient(String json) throws ProtocolException {
        return decodeClient(json.getBytes(StandardCharsets.UTF_8));
    }

    private ClientMessage decodeClient(JsonNode tree) throws ProtocolException {
        if (tree == null || !tree.isObject()) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "a request must be a JSON object", null);
        }
        String id = readId(tree);
        JsonNode typeNode = tree.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "a request needs a string 'type'", id);
        }
        String typeName = typeNode.textValue();
        Class<?> type = clientTypes.get(typeName);
        if (type == null) {
            throw new ProtocolException(ErrorCode.UNKNOWN_TYPE, "unknown request type", id, typeName);
        }
        try {
            return mapper.treeToValue(tree, ClientMessage.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, describe(e, fieldNames.get(type)), id, typeName);
        }
    }

    private static String readId(JsonNode tree) throws ProtocolException {
        JsonNode idNode = tree.get("id");
        if (idNode == null || idNode.isNull()) {
            return null;
        }
        if (!idNode.isTextual()) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "field 'id' must be a string", null);
        }
        if (idNode.textValue().length() > MAX_ID_LENGTH) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST,
                    "field 'id' must be at most " + MAX_ID_LENGTH + " characters", null);
        }
        return idNode.textValue();
    }

    /**
     * Decodes one server frame. An {@code ok} reply's result type follows from the request it
     * answers, so the caller says which type it expects for a request id. Unlike a request, a
     * frame may carry an enumeration value this side does not know yet (servers may add them):
     * it decodes to that enumeration's {@code UNKNOWN}.
     *
     * @param resultTypes the result type expected for a request id, or null when none is pending
     */
    public ServerMessage decodeServer(String json, Function<String, Class<? extends Result>> resultTypes)
            throws ProtocolException {
        JsonNode tree = readTree(json.getBytes(StandardCharsets.UTF_8));
        if (tree == null || !tree.isObject() || !tree.path("type").isTextual()) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "a frame must be a JSON object with a 'type'", null);
        }
        try {
            if ("ok".equals(tree.get("type").textValue())) {
                String id = tree.path("id").isTextual() ? tree.get("id").textValue() : null;
                Class<? extends Result> resultType = id == null ? null : resultTypes.apply(id);
                if (resultType == null) {
                    throw new ProtocolException(ErrorCode.BAD_REQUEST, "a reply to no pending request", id);
                }
                ObjectNode fields = ((ObjectNode) tree).deepCopy();
                fields.remove("type");
                fields.remove("id");
                return new Ok(id, serverReader.treeToValue(fields, resultType));
            }
            return serverReader.treeToValue(tree, ServerMessage.class);
        } catch (InvalidTypeIdException e) {
            if (e.getPath().isEmpty()) {
                throw new ProtocolException(ErrorCode.UNKNOWN_TYPE, "unknown frame type", null);
            }
            throw new ProtocolException(ErrorCode.BAD_REQUEST, describe(e, null), null);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, describe(e, null), null);
        }
    }

    private JsonNode readTree(byte[] utf8) throws ProtocolException {
        return readTree(utf8, 0, utf8.length);
    }

    private JsonNode readTree(byte[] utf8, int offset, int length) throws ProtocolException {
        try {
            return treeReader.readTree(utf8, offset, length);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private static ProtocolException unreadable(IOException e) {
        String message = e instanceof StreamConstraintsException
                ? "request is nested too deeply or holds a string or number that is too long"
                : "request is not valid JSON";
        return new ProtocolException(ErrorCode.BAD_REQUEST, message, null);
    }

    /** A message for the client that names at most a known field and never quotes the input. */
    private static String describe(Exception e, Set<String> knownFields) {
        Throwable cause = e instanceof ValueInstantiationException ? e.getCause() : e;
        if (cause instanceof InvalidFieldException) {
            return cause.getMessage();
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().get(0).getFieldName();
            if (field != null && (knownFields == null || knownFields.contains(field))) {
                return "field '" + field + "' is missing, of the wrong type or out of range";
            }
        }
        return "request does not match the protocol";
    }

    public byte[] encode(ServerMessage message) {
        JsonOutput out = SCRATCH.get();
        out.reset();
        try {
            return HotFrames.write(message, out) ? out.toByteArray() : encodeWithJackson(message);
        } finally {
            if (out.capacity() > MAX_SCRATCH_BYTES) {
                SCRATCH.remove();
            }
        }
    }

    /** Encodes straight into a stream, such as one over a network buffer. */
    public void encode(ServerMessage message, OutputStream out) {
        try {
            serverWriter.writeValue(out, message);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + message.getClass().getSimpleName(), e);
        }
    }

    /**
     * Appends the message's JSON to {@code out}: the frequent frames written by hand
     * ({@link HotFrames}), the others by Jackson. With one {@link JsonOutput} per thread, the
     * frequent frames cost no garbage.
     */
    public void encode(ServerMessage message, JsonOutput out) {
        if (!HotFrames.write(message, out)) {
            encode(message, (OutputStream) out);
        }
    }

    /** The message's JSON as Jackson alone writes it; for tests that hold the hand-written frames to it. */
    byte[] encodeWithJackson(ServerMessage message) {
        try {
            return serverWriter.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + message.getClass().getSimpleName(), e);
        }
    }

    public String encodeToString(ServerMessage message) {
        return new String(encode(message), StandardCharsets.UTF_8);
    }

    public String encodeToString(ClientMessage message) {
        try {
            return clientWriter.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + message.getClass().getSimpleName(), e);
        }
    }

    /** The wire name of each subtype listed on a sealed message interface. */
    public static Map<String, Class<?>> typeNames(Class<?> sealedType) {
        JsonSubTypes subTypes = sealedType.getAnnotation(JsonSubTypes.class);
        Map<String, Class<?>> names = new HashMap<>();
        for (JsonSubTypes.Type type : subTypes.value()) {
            names.put(type.name(), type.value());
        }
        return Map.copyOf(names);
    }
}
