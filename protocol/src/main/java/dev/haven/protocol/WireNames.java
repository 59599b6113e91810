package dev.haven.protocol;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The wire names of enumerations whose wire name is the constant's name in lower case
 * ({@code CHECK_IN} is {@code check_in}).
 *
 * <p>A protocol enumeration may end with an {@code UNKNOWN} constant: what a client reads when a
 * newer server sends a value it does not know. It has no wire name, so nothing can send it and no
 * request can name it.
 */
public final class WireNames {
    private static final String UNKNOWN = "UNKNOWN";

    private WireNames() {
    }

    public static String of(Enum<?> value) {
        return checked(value, isUnknown(value) ? null : value.name().toLowerCase(Locale.ROOT));
    }

    /**
     * The wire name of a constant that holds its own, refusing the one that has none.
     *
     * @throws IllegalStateException for {@code UNKNOWN}, which must never reach the wire
     */
    public static String checked(Enum<?> value, String wireName) {
        if (wireName == null) {
            throw new IllegalStateException(value.getDeclaringClass().getSimpleName()
                    + "." + value.name() + " has no wire name and cannot be sent");
        }
        return wireName;
    }

    /**
     * The constant with this wire name.
     *
     * @throws InvalidFieldException naming the allowed values, never the given one
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String wireName, String field) {
        return known(type).filter(value -> of(value).equals(wireName)).findFirst()
                .orElseThrow(() -> new InvalidFieldException("field '" + field + "' must be one of "
                        + known(type).map(WireNames::of).collect(Collectors.joining(", "))));
    }

    private static <E extends Enum<E>> Stream<E> known(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).filter(value -> !isUnknown(value));
    }

    static boolean isUnknown(Enum<?> value) {
        return UNKNOWN.equals(value.name());
    }
}
