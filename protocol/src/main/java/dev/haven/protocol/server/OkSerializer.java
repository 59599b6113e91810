package dev.haven.protocol.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/** Writes an {@link Ok} flat: the type, the id, then the result's fields unwrapped. */
final class OkSerializer extends StdSerializer<Ok> {
    private static final long serialVersionUID = 1L;

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
        JsonSerializer<Object> fields = provider.findValueSerializer(ok.result().getClass()).unwrappingSerializer(null);
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
