package dev.haven.protocol;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The wire names of enumerations whose wire name is the constant's name in lower case
 * ({@code CHECK_IN} is {@code check_in}).
 */
public final class WireNames {
    private WireNames() {
    }

    public static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The constant with this wire name.
     *
     * @throws InvalidFieldException naming the allowed values, never the given one
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String wireName, String field) {
        for (E value : type.getEnumConstants()) {
            if (of(value).equals(wireName)) {
                return value;
            }
        }
        throw new InvalidFieldException("field '" + field + "' must be one of "
                + Arrays.stream(type.getEnumConstants()).map(WireNames::of).collect(Collectors.joining(", ")));
    }
}
