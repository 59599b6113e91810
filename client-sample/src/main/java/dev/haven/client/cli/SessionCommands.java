package dev.haven.client.cli;

import dev.haven.client.HavenRoom;
import dev.haven.protocol.client.CloseSession;
import dev.haven.protocol.client.MoodPoll;
import dev.haven.protocol.client.RoundStart;
import dev.haven.protocol.client.TurnExtend;
import dev.haven.protocol.model.ContentWarning;
import dev.haven.protocol.model.CwLabel;
import dev.haven.protocol.model.MoodPhase;
import dev.haven.protocol.model.RoomState;
import dev.haven.protocol.model.RoundKind;
import dev.haven.protocol.model.RoundOrder;
import dev.haven.protocol.server.EmptyResult;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * The commands of a facilitated session: {@code /open} and {@code /close} the session,
 * {@code /round} (start, extend, end, show), {@code /done} and {@code /pass} for one's turn,
 * {@code /mood} to answer or open a check-in, {@code /cw} to send under a content warning,
 * {@code /show} to open a content-warned message, {@code /accept} for changed guidelines. What
 * everyone sees anyway (a round, the room's state) is shown by its event alone.
 */
final class SessionCommands {
    private static final String ROUND_USAGE = "/round checkin|checkout|go [DURATION] [random] [stick] [nopass] PROMPT, "
            + "/round extend DURATION, /round end, or /round alone to see it";
    private static final String MOOD_USAGE = "/mood 1-5 [share], /mood skip [share]; facilitators: "
            + "/mood checkin [DURATION] or /mood checkout [DURATION]";
    private static final String CW_USAGE = "/cw LABEL message, LABEL one of suicide, self-harm, substance-use, "
            + "trauma, abuse, or your own words in \"quotes\"";

    private final ChatState state;
    private final Transcript out;
    private final ReplyWaiter replies;
    private final Clock clock;

    SessionCommands(ChatState state, Transcript out, ReplyWaiter replies, Clock clock) {
        this.state = state;
        this.out = out;
        this.replies = replies;
        this.clock = clock;
    }

    /** @return false when the command is none of these */
    boolean handle(SlashCommand command) throws CommandException, InterruptedException {
        String arg = command.argument();
        switch (command.name()) {
            case "/open" -> open();
            case "/close" -> close(arg);
            case "/round" -> round(arg);
            case "/done" -> confirm(room().turnDone());
            case "/pass" -> confirm(room().pass());
            case "/mood" -> mood(arg);
            case "/cw" -> contentWarning(arg);
            case "/show" -> show(arg);
            case "/accept" -> accept();
            default -> {
                return false;
            }
        }
        return true;
    }

    /** After a join: what the session is doing now. */
    void joined(CurrentRoom room) {
        if (room.info() != null && room.info().state() == RoomState.LOBBY) {
            out.info("* The session has not started yet: you can read along until a facilitator opens it.");
        } else if (room.info() != null && room.info().state() == RoomState.UNFACILITATED) {
            out.info("* No facilitator is present right now. The room stays open.");
        }
        if (room.round != null) {
            SessionText.round(null, room.round, state.me.id(), state::nameOf, clock.millis()).forEach(out::info);
        }
        if (room.poll != null) {
            out.info(SessionText.moodPoll(room.poll, clock.millis()));
        }
    }

    private void open() throws CommandException, InterruptedException {
        CurrentRoom room = state.requireRoom();
        boolean changes = room.info() != null && (room.info().state() == RoomState.LOBBY || room.info().closesAt() != null);
        if (replies.await(room().openSession()).isPresent() && !changes) {
            out.info("The session is already open.");
        }
    }

    private void close(String arg) throws CommandException, InterruptedException {
        String[] words = CommandArgs.firstWord(arg);
        Long seconds = CommandArgs.duration(words[0]);
        String text = seconds == null ? arg : words[1];
        if (seconds != null && seconds > CloseSession.MAX_GRACE_SECONDS) {
            throw CommandException.usage("/close [DURATION] [closing words]: DURATION up to "
                    + EventText.duration(CloseSession.MAX_GRACE_SECONDS));
        }
        confirm(room().closeSession(seconds, CommandArgs.optional(text)));
    }

    private void round(String arg) throws CommandException, InterruptedException {
        String[] words = CommandArgs.firstWord(arg);
        switch (words[0].toLowerCase(Locale.ROOT)) {
            case "" -> {
                CurrentRoom room = state.requireRoom();
                if (room.round == null) {
                    out.info("No round is running.");
                } else {
                    SessionText.round(null, room.round, state.me.id(), state::nameOf, clock.millis())
                            .forEach(out::info);
                }
            }
            case "end" -> confirm(room().endRound());
            case "extend" -> {
                Long seconds = CommandArgs.duration(words[1]);
                if (seconds == null || seconds < 1 || seconds > TurnExtend.MAX_SECONDS) {
                    throw CommandException.usage("/round extend DURATION, up to "
                            + EventText.duration(TurnExtend.MAX_SECONDS));
                }
                confirm(room().extendTurn(seconds));
            }
            case "checkin", "check-in" -> start(RoundKind.CHECK_IN, words[1]);
            case "checkout", "check-out" -> start(RoundKind.CHECK_OUT, words[1]);
            case "go", "go-round" -> start(RoundKind.GO_ROUND, words[1]);
            default -> throw CommandException.usage(ROUND_USAGE);
        }
    }

    /** Options come first, each one word; the rest is the prompt. */
    private void start(RoundKind kind, String rest) throws CommandException, InterruptedException {
        Long turn = null;
        RoundOrder order = null;
        Boolean stick = null;
        Boolean pass = null;
        String prompt = rest;
        while (!prompt.isEmpty()) {
            String[] words = CommandArgs.firstWord(prompt);
            String word = words[0].toLowerCase(Locale.ROOT);
            Long seconds = CommandArgs.duration(word);
            if (seconds != null && turn == null) {
                turn = seconds;
            } else if (word.equals("random") && order == null) {
                order = RoundOrder.RANDOM;
            } else if (word.equals("stick") && stick == null) {
                stick = true;
            } else if (word.equals("nopass") && pass == null) {
                pass = false;
            } else {
                break;
            }
            prompt = words[1];
        }
        if (prompt.isBlank()) {
            throw CommandException.usage(ROUND_USAGE);
        }
        if (turn != null && (turn < 1 || turn > RoundStart.MAX_TURN_SECONDS)) {
            throw CommandException.usage("a turn lasts 1 second to " + EventText.duration(RoundStart.MAX_TURN_SECONDS));
        }
        replies.await(room().startRound(kind, prompt, turn, order, pass, stick));
    }

    private void mood(String arg) throws CommandException, InterruptedException {
        String[] words = CommandArgs.firstWord(arg);
        String first = words[0].toLowerCase(Locale.ROOT);
        if (first.equals("checkin") || first.equals("checkout")) {
            Long seconds = words[1].isEmpty() ? null : CommandArgs.duration(words[1]);
            if (!words[1].isEmpty() && (seconds == null || seconds < 1 || seconds > MoodPoll.MAX_SECONDS)) {
                throw CommandException.usage("a check-in stays open 1 second to "
                        + EventText.duration(MoodPoll.MAX_SECONDS));
            }
            confirm(room().moodPoll(first.equals("checkin") ? MoodPhase.CHECK_IN : MoodPhase.CHECK_OUT, seconds));
            return;
        }
        Integer value;
        if (first.equals("skip")) {
            value = null;
        } else if (first.matches("[1-5]")) {
            value = Integer.parseInt(first);
        } else {
            throw CommandException.usage(MOOD_USAGE);
        }
        boolean share = switch (words[1].toLowerCase(Locale.ROOT)) {
            case "" -> false;
            case "share" -> true;
            default -> throw CommandException.usage(MOOD_USAGE);
        };
        CurrentRoom room = state.requireRoom();
        if (room.poll == null) {
            throw new CommandException("no_check_in", "no mood check-in is open now");
        }
        if (replies.await(room().mood(room.poll.pollId(), value, share)).isPresent()) {
            out.info("Thank you. " + (share ? "The facilitators can see your answer; everyone else sees only the summary."
                    : "Your answer counts only in the summary."));
        }
    }

    private void contentWarning(String arg) throws CommandException, InterruptedException {
        String text = arg.strip();
        ContentWarning cw;
        if (text.startsWith("\"")) {
            int close = text.indexOf('"', 1);
            if (close < 0) {
                throw CommandException.usage(CW_USAGE);
            }
            cw = new ContentWarning(CwLabel.CUSTOM, text.substring(1, close));
            text = text.substring(close + 1).strip();
        } else {
            String[] words = CommandArgs.firstWord(text);
            try {
                cw = ContentWarning.of(CwLabel.fromWire(SessionText.labelWord(words[0])));
            } catch (IllegalArgumentException e) {
                throw CommandException.usage(CW_USAGE);
            }
            text = words[1];
        }
        if (text.isEmpty() || cw.label() == CwLabel.CUSTOM && cw.text() == null) {
            throw CommandException.usage(CW_USAGE);
        }
        // The message event, which the sender receives as well, shows the line.
        replies.awaitMessage(state.client.send(state.requireRoom().id(), text, cw));
    }

    private void show(String arg) throws CommandException {
        long seq = CommandArgs.seq(arg, "/show SEQ");
        String text = state.requireRoom().warned(seq);
        if (text == null) {
            throw new CommandException("not_found", "no message under a content warning with that number here");
        }
        out.info("[" + seq + "] " + Transcript.cleanLines(text));
    }

    private void accept() throws CommandException, InterruptedException {
        CurrentRoom room = state.requireRoom();
        if (room.info() == null || room.info().guidelines() == null) {
            throw new CommandException("no_guidelines", "this room has no written guidelines");
        }
        int version = room.info().guidelinesVersion();
        if (replies.await(state.client.join(room.id(), null, version)).isPresent()) {
            out.info("Thank you: you accepted the group's guidelines (version " + version + ").");
        }
    }

    private HavenRoom room() throws CommandException {
        return state.client.room(state.requireRoom().id());
    }

    /** The reply shows only when it is an error; what changed, everyone sees as an event. */
    private void confirm(CompletableFuture<EmptyResult> reply) throws InterruptedException {
        replies.await(reply);
    }
}
