package dev.haven.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.haven.protocol.InvalidFieldException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What a display name may be made of. */
class GuestNamesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\u202Enarf|change the direction of text",
        "Fran\u202Dx\u202C|change the direction of text",
        "\u2067Fran\u2069|change the direction of text",
        "\u200B\u200B\u200B|visible characters",
        "\u3164|visible characters",
        "\u2800\u2800|visible characters",
        "\u200D\u2060\uFEFF|visible characters",
        "Fr\u0085an|control characters"})
    void clean_namesThatHideOrTurnText_areRefusedSayingWhy(String name, String why) {
        assertThatThrownBy(() -> GuestNames.clean(name)).isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining(why);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uD800ran", "Fran\uDC00"})
    void clean_loneSurrogate_isRefused(String name) {
        assertThatThrownBy(() -> GuestNames.clean(name)).isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("valid Unicode");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Fran", "שרה", "سارا", "Ana-María", "👩‍👩‍👧 family", "李雷", "Zoë"})
    void clean_ordinaryNames_inAnyScript_areKept(String name) {
        assertThat(GuestNames.clean(name)).isEqualTo(name);
    }
}
