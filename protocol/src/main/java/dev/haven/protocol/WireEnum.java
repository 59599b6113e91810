package dev.haven.protocol;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * An enumeration of the protocol, written as its wire name. Its {@code UNKNOWN} constant, read
 * from a newer server's value, has none: writing it fails rather than sending a made-up name.
 */
@JsonSerialize(using = WireEnumSerializer.class)
public interface WireEnum {
    /**
     * @throws IllegalStateException for {@code UNKNOWN}
     */
    String wireName();

    /** The wire name, or {@code unknown} for a value from a newer server: for logs and screens. */
    default String displayName() {
        return this instanceof Enum<?> value && WireNames.isUnknown(value) ? "unknown" : wireName();
    }
}
