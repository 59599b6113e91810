package dev.haven.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.haven.client.cli.MemberResolver.Match;
import dev.haven.client.cli.MemberResolver.Person;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which member a command names: by name whatever its case, by id, with the rest of the line kept. */
class MemberResolverTest {
    private static final Person SAM = new Person("guest-1", "Sam");
    private static final Person ALEX = new Person("guest-2", "Alex");
    private static final Person SAM_SMITH = new Person("user-7", "Sam Smith");
    private static final Person OTHER_SAM = new Person("guest-3", "sam");
    private static final List<Person> ROOM = List.of(SAM, ALEX, SAM_SMITH);

    @Test
    void name_matchesWhateverItsCase_andKeepsTheRestOfTheLine() throws Exception {
        Match match = MemberResolver.resolve("aLeX 300  please take a breath ", ROOM, "in the room");

        assertThat(match.person()).isEqualTo(ALEX);
        assertThat(match.rest()).isEqualTo("300  please take a breath");
    }

    @Test
    void userId_namesItsMember() throws Exception {
        assertThat(MemberResolver.resolve("guest-2", ROOM, "in the room").person()).isEqualTo(ALEX);
        assertThat(MemberResolver.resolve("user-7 60", ROOM, "in the room"))
                .isEqualTo(new Match(SAM_SMITH, "60"));
    }

    @Test
    void nameWithSpaces_matchesTheLongestRunOfWords_withOrWithoutQuotes() throws Exception {
        assertThat(MemberResolver.resolve("sam smith 60 too loud", ROOM, "in the room"))
                .isEqualTo(new Match(SAM_SMITH, "60 too loud"));
        assertThat(MemberResolver.resolve("Sam 60 too loud", ROOM, "in the room"))
                .isEqualTo(new Match(SAM, "60 too loud"));
        assertThat(MemberResolver.resolve("\"Sam  Smith\" off", ROOM, "in the room"))
                .isEqualTo(new Match(SAM_SMITH, "off"));
        assertThat(MemberResolver.resolve("\"sam\" smith", ROOM, "in the room"))
                .isEqualTo(new Match(SAM, "smith"));
    }

    @Test
    void unknownName_isALocalError_thatSaysWhereItLooked() {
        assertThatThrownBy(() -> MemberResolver.resolve("Robin 60", ROOM, "in the room"))
                .isInstanceOfSatisfying(CommandException.class, e -> {
                    assertThat(e.code()).isEqualTo("unknown_member");
                    assertThat(e.getMessage()).isEqualTo("nobody called \"Robin\" is in the room (/who lists who is here)");
                });
    }

    @Test
    void nameTwoPeopleShare_isAmbiguous_andListsTheirIds_whileTheIdStillWorks() throws Exception {
        List<Person> twoSams = List.of(SAM, ALEX, OTHER_SAM);

        assertThatThrownBy(() -> MemberResolver.resolve("SAM too loud", twoSams, "in the room"))
                .isInstanceOfSatisfying(CommandException.class, e -> {
                    assertThat(e.code()).isEqualTo("ambiguous_member");
                    assertThat(e.getMessage()).contains("2 people in the room are called \"SAM\"")
                            .contains("guest-1").contains("guest-3");
                });
        assertThat(MemberResolver.resolve("guest-3 too loud", twoSams, "in the room"))
                .isEqualTo(new Match(OTHER_SAM, "too loud"));
    }

    @Test
    void anId_winsOverSomeoneWhoTookThatIdAsTheirName() throws Exception {
        Person impostor = new Person("guest-9", "guest-1");

        assertThat(MemberResolver.resolve("guest-1", List.of(impostor, SAM), "in the room").person()).isEqualTo(SAM);
    }

    @Test
    void noName_orAnOpenQuote_isAUsageError() {
        assertThatThrownBy(() -> MemberResolver.resolve("  ", ROOM, "in the room"))
                .isInstanceOfSatisfying(CommandException.class, e -> assertThat(e.code()).isEqualTo("usage"));
        assertThatThrownBy(() -> MemberResolver.resolve("\"Sam Smith 60", ROOM, "in the room"))
                .isInstanceOfSatisfying(CommandException.class, e -> assertThat(e.getMessage()).contains("closing quote"));
    }

    @Test
    void nobodyKnown_namesNobody() {
        assertThatThrownBy(() -> MemberResolver.resolve("Sam", List.of(), "waiting to join"))
                .isInstanceOfSatisfying(CommandException.class,
                        e -> assertThat(e.getMessage()).startsWith("nobody called \"Sam\" is waiting to join"));
    }
}
