package dev.haven.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import dev.haven.protocol.client.ClientMessage;
import dev.haven.protocol.server.Result;
import dev.haven.protocol.server.ServerMessage;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubtypeRegistrationTest {

    private static List<Class<?>> listed(Class<?> sealedType) {
        return Arrays.stream(sealedType.getAnnotation(JsonSubTypes.class).value())
                .<Class<?>>map(JsonSubTypes.Type::value)
                .toList();
    }

    @ParameterizedTest
    @ValueSource(classes = {ClientMessage.class, ServerMessage.class})
    void jsonSubTypes_everyListedTypeIsPermitted(Class<?> sealedType) {
        assertThat(listed(sealedType)).doesNotHaveDuplicates()
                .isSubsetOf(sealedType.getPermittedSubclasses());
    }

    @ParameterizedTest
    @ValueSource(classes = {ClientMessage.class, ServerMessage.class})
    void permittedSubclasses_everyOneIsListedInJsonSubTypes(Class<?> sealedType) {
        assertThat(sealedType.getPermittedSubclasses()).isSubsetOf(listed(sealedType));
    }

    @Test
    void typeNames_ofClientMessage_areTheContractNames() {
        assertThat(ProtocolCodec.typeNames(ClientMessage.class))
                .containsOnlyKeys("hello", "ping", "rooms", "join", "leave", "send");
    }

    @Test
    void typeNames_ofServerMessage_areTheContractNames() {
        assertThat(ProtocolCodec.typeNames(ServerMessage.class))
                .containsOnlyKeys("ok", "error", "message", "presence");
    }

    @Test
    void permittedSubclasses_ofResult_areAllRecords() {
        assertThat(Result.class.getPermittedSubclasses())
                .isNotEmpty()
                .allSatisfy(type -> assertThat(type.isRecord()).as(type.getName()).isTrue());
    }

    @ParameterizedTest
    @ValueSource(classes = {ClientMessage.class, ServerMessage.class})
    void permittedSubclasses_ofMessages_areAllRecords(Class<?> sealedType) {
        assertThat(sealedType.getPermittedSubclasses())
                .allSatisfy(type -> assertThat(type.isRecord()).as(type.getName()).isTrue());
    }
}
