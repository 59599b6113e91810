package dev.haven.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommandArgsTest {
    @Test
    void durations_areSecondsOrCarryAUnit() {
        assertThat(CommandArgs.duration("90")).isEqualTo(90L);
        assertThat(CommandArgs.duration("90s")).isEqualTo(90L);
        assertThat(CommandArgs.duration("5m")).isEqualTo(300L);
        assertThat(CommandArgs.duration("2H")).isEqualTo(7200L);
        assertThat(CommandArgs.duration("1d")).isEqualTo(86400L);
        assertThat(CommandArgs.duration("because")).isNull();
        assertThat(CommandArgs.duration("-5")).isNull();
    }

    @Test
    void seq_isTheNumberAsTheChatShowsIt() throws Exception {
        assertThat(CommandArgs.seq("12", "/delete SEQ")).isEqualTo(12);
        assertThat(CommandArgs.seq("[12]", "/delete SEQ")).isEqualTo(12);
        assertThat(CommandArgs.seq("#12", "/delete SEQ")).isEqualTo(12);
        assertThatThrownBy(() -> CommandArgs.seq("0", "/delete SEQ")).isInstanceOf(CommandException.class)
                .hasMessageStartingWith("/delete SEQ");
        assertThatThrownBy(() -> CommandArgs.seq("", "/delete SEQ")).isInstanceOf(CommandException.class);
    }
}
