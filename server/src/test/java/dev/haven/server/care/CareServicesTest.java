package dev.haven.server.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.haven.server.care.model.ModelUnavailableException;
import dev.haven.server.config.ConfigException;
import dev.haven.server.config.HavenConfig;
import dev.haven.server.testing.TestServer;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** Starting duty of care with and without the model. */
class CareServicesTest {
    private final HavenConfig config = TestServer.config(10);

    @Test
    void aModelThatCannotLoad_stopsTheStart_sayingHowToRunWithoutIt() {
        assertThatThrownBy(() -> CareServices.create(config, Clock.systemUTC(), AlertObserver.NONE, () -> {
            throw new ModelUnavailableException("/e5-small-v2-q.onnx is missing from the class path");
        })).isInstanceOf(ConfigException.class)
                .hasMessageContaining("care.model is on, but the crisis model cannot be loaded")
                .hasMessageContaining("e5-small-v2-q.onnx is missing")
                .hasMessageContaining("care.model: off");
    }

    @Test
    void withTheModelOff_itIsNeverLoaded() {
        CareServices care = CareServices.create(config.withCare(config.care().withModel(false)), Clock.systemUTC(),
                AlertObserver.NONE, () -> {
            throw new AssertionError("the model was asked for");
        });
        assertThat(care.secondStage()).isNull();
    }
}
