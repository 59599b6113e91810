package dev.haven.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * Writes a {@link WireEnum} by its wire name. Jackson's {@code @JsonValue} cannot do this: it
 * reads every constant's value up front, {@code UNKNOWN}'s too, which has none.
 */
final class WireEnumSerializer extends StdSerializer<WireEnum> {
    WireEnumSerializer() {
        super(WireEnum.class);
    }

    @Override
    public void serialize(WireEnum value, JsonGenerator out, SerializerProvider provider) throws IOException {
        out.writeString(value.wireName());
    }
}
