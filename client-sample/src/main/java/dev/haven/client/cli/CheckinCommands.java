package dev.haven.client.cli;

import dev.haven.protocol.model.CheckinInfo;
import dev.haven.protocol.model.CheckinOutcome;
import java.util.Locale;
import java.util.Optional;

/**
 * Private check-ins from the command line: {@code /checkin NAME} (a facilitator opens one with a
 * member of the room, answering an open alert about that member), {@code /checkins},
 * {@code /reply N TEXT} (or {@code /reply N} to write every line there until {@code /room}),
 * and {@code /endcheckin N [OUTCOME]}. Members answer with {@code /reply} too. What is written
 * shows when its {@code checkin_message} comes back, like a room's message.
 */
final class CheckinCommands {
    private static final String REPLY_USAGE = "/reply N TEXT, or /reply N to write every line there";
    private static final String END_USAGE = "/endcheckin N [resolved|referred|emergency|no_reply]";

    private final ChatState state;
    private final Transcript out;
    private final ReplyWaiter replies;

    CheckinCommands(ChatState state, Transcript out, ReplyWaiter replies) {
        this.state = state;
        this.out = out;
        this.replies = replies;
    }

    /** @return false when the command is none of these */
    boolean handle(SlashCommand command) throws CommandException, InterruptedException {
        switch (command.name()) {
            case "/checkin" -> open(command.argument());
            case "/checkins" -> list();
            case "/reply" -> reply(command.argument());
            case "/room" -> {
                state.checkins.talkIn(null);
                out.info(state.room == null ? "Lines you type go nowhere until you /join a room."
                        : "Lines you type go to " + Transcript.clean(state.room.name()) + " again.");
            }
            case "/endcheckin" -> end(command.argument());
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Sends a typed line to the check-in in thread mode. @return false when lines go to the room */
    boolean say(String text) throws InterruptedException {
        ChatCheckins.Entry talking = state.checkins.talkingIn();
        if (talking == null) {
            return false;
        }
        replies.awaitMessage(state.client.checkinSend(talking.info().id(), text));
        return true;
    }

    private void open(String arg) throws CommandException, InterruptedException {
        CurrentRoom room = state.requireRoom();
        MemberResolver.Match who = MemberResolver.resolve(arg, ChatState.present(room), "in the room");
        String alertId = state.openAlerts.values().stream()
                .filter(a -> a.room().equals(room.id()) && who.person().id().equals(a.member()))
                .map(ChatState.OpenAlert::id).reduce((first, newest) -> newest).orElse(null);
        Optional<CheckinInfo> opened = replies.await(state.client.checkinOpen(room.id(), who.person().id(), alertId))
                .map(result -> result.checkin());
        if (opened.isPresent()) {
            ChatCheckins.Entry known = state.checkins.get(opened.get().id());
            if (known != null) {
                out.info(CheckinText.head(known.number()) + "Your check-in with " + Transcript.clean(who.person().name())
                        + " is already open: /reply " + known.number() + " TEXT.");
            } else if (alertId != null) {
                out.info("This answers the alert about " + Transcript.clean(who.person().name())
                        + ": the other staff see that you are reaching out.");
            }
        }
    }

    private void list() throws InterruptedException {
        replies.await(state.client.checkins()).ifPresent(result -> result.checkins().forEach(state.checkins::update));
        CheckinText.list(state.checkins.all(), state.me.id()).forEach(out::info);
    }

    private void reply(String arg) throws CommandException, InterruptedException {
        String[] words = CommandArgs.firstWord(arg);
        if (words[0].isEmpty()) {
            throw CommandException.usage(REPLY_USAGE);
        }
        ChatCheckins.Entry entry = state.checkins.find(words[0], REPLY_USAGE);
        if (words[1].isEmpty()) {
            state.checkins.talkIn(entry);
            out.info(CheckinText.head(entry.number()) + "Lines you type now go privately to this check-in;"
                    + " /room to write in the room again.");
            return;
        }
        replies.awaitMessage(state.client.checkinSend(entry.info().id(), words[1]));
    }

    private void end(String arg) throws CommandException, InterruptedException {
        String[] words = CommandArgs.firstWord(arg);
        if (words[0].isEmpty()) {
            throw CommandException.usage(END_USAGE);
        }
        ChatCheckins.Entry entry = state.checkins.find(words[0], END_USAGE);
        CheckinOutcome outcome = switch (words[1].toLowerCase(Locale.ROOT).replace('-', '_')) {
            case "" -> null;
            case "resolved" -> CheckinOutcome.RESOLVED;
            case "referred" -> CheckinOutcome.REFERRED;
            case "emergency" -> CheckinOutcome.EMERGENCY;
            case "no_reply", "noreply" -> CheckinOutcome.NO_REPLY;
            default -> throw CommandException.usage(END_USAGE);
        };
        replies.await(state.client.checkinClose(entry.info().id(), outcome));
    }
}
