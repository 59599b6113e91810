package dev.haven.protocol;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads a value a newer server added to a protocol enumeration as that enumeration's
 * {@link JsonEnumDefaultValue} constant ({@code UNKNOWN}), so that one new role or notice kind
 * does not cost a client the whole frame. Only for frames from a server: a request naming an
 * unknown value stays a {@code bad_request}.
 *
 * <p>Jackson's own {@code READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE} does not apply here: the
 * protocol's enumerations are read through a {@code @JsonCreator} that refuses unknown names, and
 * Jackson hands that refusal to this handler.
 */
final class UnknownEnumValues extends DeserializationProblemHandler {
    private static final ClassValue<Optional<Object>> DEFAULTS = new ClassValue<>() {
        @Override
        protected Optional<Object> computeValue(Class<?> type) {
            if (!type.isEnum()) {
                return Optional.empty();
            }
            return Arrays.stream(type.getFields())
                    .filter(field -> field.isEnumConstant() && field.isAnnotationPresent(JsonEnumDefaultValue.class))
                    .findFirst()
                    .map(UnknownEnumValues::readConstant);
        }
    };

    private static Object readConstant(Field constant) {
        try {
            return constant.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + constant.getName(), e);
        }
    }

    @Override
    public Object handleInstantiationProblem(DeserializationContext context, Class<?> type, Object argument,
            Throwable problem) {
        // A number or boolean where a name belongs is a broken frame, not a newer one.
        if (context.getParser() == null || !context.getParser().hasToken(JsonToken.VALUE_STRING)
                || !(problem instanceof IllegalArgumentException)) {
            return NOT_HANDLED;
        }
        return DEFAULTS.get(type).orElse(NOT_HANDLED);
    }
}
