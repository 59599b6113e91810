package dev.haven.protocol.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Writes an {@link Ok} flat: the type, the id, then the result's fields unwrapped. */
final class OkSerializer extends StdSerializer<Ok> {
    private static final long serialVersionUID = 1L;

    /**
     * Each result serializer's unwrapping copy, made once: Jackson builds a new one on every call,
     * which was a few hundred bytes of garbage and a property table copy per reply. Keyed by the
     * serializer Jackson resolved, so a cached copy always matches the provider that asks.
     */
    private final transient Map<JsonSerializer<Object>, JsonSerializer<Object>> unwrapped = new ConcurrentHashMap<>();

    OkSerializer() {
        super(Ok.class);
    }

    @Override
    public void serialize(Ok ok, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("type", "ok");
        if (ok.id() != null) {
            gen.writeStringField("id", ok.id());
        }
        JsonSerializer<Object> fields = unwrapped.computeIfAbsent(provider.findValueSerializer(ok.result().getClass()),
                serializer -> serializer.unwrappingSerializer(null));
        fields.serialize(ok.result(), gen, provider);
        gen.writeEndObject();
    }

    /** The type property is written by {@link #serialize}; the sealed parent's type info would repeat it. */
    @Override
    public void serializeWithType(Ok ok, JsonGenerator gen, SerializerProvider provider, TypeSerializer typeSer)
            throws IOException {
        serialize(ok, gen, provider);
    }
}
