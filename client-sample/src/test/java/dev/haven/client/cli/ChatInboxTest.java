package dev.haven.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.protocol.model.Role;
import dev.haven.protocol.model.UserInfo;
import dev.haven.protocol.server.MessageEvent;
import org.junit.jupiter.api.Test;

class ChatInboxTest {
    private final ChatInbox inbox = new ChatInbox();

    @Test
    void take_givesWhatTheServerSentBeforeWhatWasTyped_eachInItsOwnOrder() throws Exception {
        inbox.typed(new ChatInput.Line("one"));
        inbox.typed(new ChatInput.EndOfInput());
        inbox.received(event("lounge", 1));
        inbox.received(event("lounge", 2));
        inbox.received(new ChatInput.Closed(1001, "bye"));

        assertThat(inbox.take()).isEqualTo(event("lounge", 1));
        assertThat(inbox.take()).isEqualTo(event("lounge", 2));
        assertThat(inbox.take()).isEqualTo(new ChatInput.Closed(1001, "bye"));
        assertThat(inbox.take()).isEqualTo(new ChatInput.Line("one"));
        assertThat(inbox.take()).isEqualTo(new ChatInput.EndOfInput());
    }

    @Test
    void putBack_returnsTheLastTakenToItsPlace() throws Exception {
        inbox.typed(new ChatInput.EndOfInput());
        inbox.typed(new ChatInput.Line("later"));

        assertThat(inbox.take()).isEqualTo(new ChatInput.EndOfInput());
        inbox.putBack();

        assertThat(inbox.take()).isEqualTo(new ChatInput.EndOfInput());
    }

    @Test
    void pollEvent_takesOnlyEventsOfThatRoomAtTheHead() throws Exception {
        inbox.received(event("lounge", 1));
        inbox.received(event("circle", 1));
        inbox.received(event("lounge", 2));

        assertThat(inbox.pollEvent("lounge")).isEqualTo(event("lounge", 1));
        assertThat(inbox.pollEvent("lounge")).isNull();
        assertThat(inbox.take()).isEqualTo(event("circle", 1));
    }

    private static ChatInput.Event event(String room, long seq) {
        return new ChatInput.Event(new MessageEvent(room, seq, new UserInfo("u1", "Kim", Role.MEMBER), "hi", 1L, null));
    }
}
