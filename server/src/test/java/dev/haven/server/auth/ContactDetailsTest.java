package dev.haven.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.haven.protocol.InvalidFieldException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContactDetailsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sam@mail.example|an e-mail address",
        "ＳＡＭ＠ＭＡＩＬ．ＣＯＭ|an e-mail address",
        "http://sam.example|a web address",
        "WWW.SAM.ORG|a web address",
        "sam.dev/talk|a web address",
        "t.me/sam|a web address",
        "sam-blog.co.uk|a web address",
        "0171 555 0147|a phone number",
        "+1 (212) 555-0147|a phone number",
        "sam 2125550147|a phone number",
        "sam ２１２５５５０１４７|a phone number"})
    void find_namesWhatKindOfContactDetailItSaw(String text, String what) {
        assertThat(ContactDetails.find(text)).isEqualTo(what);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sam", "Mr. Lee", "J.R.", "Sam 1985", "Room 101", "@sam", "Ana-María", "Dr.Who fan",
        "Sam (2)", "12 steps, 3 years", "K.C. 2024"})
    void find_inOrdinaryNames_seesNothing(String text) {
        assertThat(ContactDetails.find(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"call 555 123 4567", "me@here.org"})
    void cleanPseudonym_withContactDetails_isRefusedWithoutQuotingIt(String name) {
        assertThatThrownBy(() -> GuestNames.cleanPseudonym(name))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageStartingWith("a pseudonym must not contain")
                .hasMessageNotContaining(name);
    }
}
