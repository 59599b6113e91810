package dev.haven.server.room;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.protocol.model.Role;
import dev.haven.server.auth.Identity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @ParameterizedTest
    @ValueSource(strings = {"Fran", "fran", "FRAN", "Ｆｒａｎ", "Fr\u200Ban", "\u200DFran\u2060", "Fr\u0430n",
        "Fra\u0301n", "Frán", "Fr\u00e0n", "F\u200Eran", "Fran\u00AD", " Fran "})
    void lookAlike_namesThatReadTheSame_clash(String lookAlike) {
        assertThat(DisplayNames.lookAlike(lookAlike, "Fran")).as("%s", lookAlike.codePoints()
                .mapToObj(Integer::toHexString).toList()).isTrue();
        assertThat(DisplayNames.unique(lookAlike, present("Fran"))).endsWith(" (2)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Frank", "Fran 2", "Fern", "F ran", "Ran"})
    void lookAlike_namesThatReadDifferently_doNotClash(String other) {
        assertThat(DisplayNames.lookAlike(other, "Fran")).isFalse();
        assertThat(DisplayNames.unique(other, present("Fran"))).isEqualTo(other);
    }

    @Test
    void lookAlike_rnAndM_clashAsTheConfusablesDataSays() {
        assertThat(DisplayNames.lookAlike("Sarn", "Sam")).isTrue();
    }

    @Test
    void uniqueForStaff_keepsTheNameAMemberHolds_butNotOneAnotherStaffMemberHolds() {
        List<Member> present = new ArrayList<>(present("Fran"));
        assertThat(DisplayNames.uniqueForStaff("Fran", present)).isEqualTo("Fran");

        present.add(new Member(new Identity("s1", "Fran", Role.FACILITATOR, null, false), Role.FACILITATOR, "Fran"));
        assertThat(DisplayNames.uniqueForStaff("Frаn", present)).isEqualTo("Frаn (2)");
    }
}
