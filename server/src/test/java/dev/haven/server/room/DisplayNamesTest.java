package dev.haven.server.room;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.protocol.model.Role;
import dev.haven.server.auth.Identity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DisplayNamesTest {
    private static List<Member> present(String... names) {
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            members.add(new Member(new Identity("u" + i, names[i], Role.MEMBER, null, true), Role.MEMBER, names[i]));
        }
        return members;
    }

    @Test
    void unique_freeName_isKept() {
        assertThat(DisplayNames.unique("Robin", present("Sam", "Ada"))).isEqualTo("Robin");
    }

    @Test
    void unique_takenName_getsTheFirstFreeSuffix_ignoringCaseAndWidth() {
        assertThat(DisplayNames.unique("robin", present("Robin"))).isEqualTo("robin (2)");
        assertThat(DisplayNames.unique("Ｒｏｂｉｎ", present("Robin", "Robin (2)"))).isEqualTo("Ｒｏｂｉｎ (3)");
        assertThat(DisplayNames.unique("Robin", present("Robin", "Robin (3)"))).isEqualTo("Robin (2)");
    }

    @Test
    void unique_longName_isShortenedToFitItsSuffixWithin32Characters() {
        String name = "A".repeat(31) + "😊";
        String unique = DisplayNames.unique(name, present(name));
        assertThat(unique).isEqualTo("A".repeat(28) + " (2)");
        assertThat(unique.codePointCount(0, unique.length())).isEqualTo(32);
    }
}
