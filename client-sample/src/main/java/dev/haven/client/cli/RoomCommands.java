package dev.haven.client.cli;

import dev.haven.client.HavenRoom;
import dev.haven.protocol.client.Audit;
import dev.haven.protocol.client.SetRoom;
import dev.haven.protocol.model.Admission;
import dev.haven.protocol.model.MemberInfo;
import dev.haven.protocol.server.EmptyResult;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Commands about the room as a whole: the members' tools ({@code /hand}, {@code /report}) and
 * the facilitators' {@code /delete}, {@code /slow}, {@code /lock}, {@code /unlock},
 * {@code /moderated}, {@code /approval}, {@code /stats} and {@code /audit}. Changes everyone
 * sees as an event (a hand, a deleted message, new settings) are shown by that event alone.
 */
final class RoomCommands {
    private final ChatState state;
    private final Transcript out;
    private final ReplyWaiter replies;
    private final Clock clock;

    RoomCommands(ChatState state, Transcript out, ReplyWaiter replies, Clock clock) {
        this.state = state;
        this.out = out;
        this.replies = replies;
        this.clock = clock;
    }

    /** @return false when the command is none of these */
    boolean handle(SlashCommand command) throws CommandException, InterruptedException {
        String arg = command.argument();
        switch (command.name()) {
            case "/hand" -> hand(arg);
            case "/report" -> {
                String[] words = CommandArgs.firstWord(arg);
                long seq = CommandArgs.seq(words[0], "/report SEQ [reason...]");
                confirm(room().report(seq, CommandArgs.optional(words[1])), "Thank you. The facilitators were told "
                        + "about message " + seq + "; nobody else sees your report.");
            }
            case "/delete" -> confirm(room().delete(CommandArgs.seq(arg, "/delete SEQ")), null);
            case "/slow" -> {
                Long seconds = arg.equalsIgnoreCase("off") ? Long.valueOf(0) : CommandArgs.duration(arg);
                String usage = "/slow SECONDS: one message per member per that many seconds, up to "
                        + SetRoom.MAX_SLOW_MODE_SECONDS + "; /slow 0 turns it off";
                if (seconds == null || seconds > SetRoom.MAX_SLOW_MODE_SECONDS) {
                    throw CommandException.usage(usage);
                }
                confirm(room().slowMode(seconds.intValue()), null);
            }
            case "/lock", "/unlock" -> {
                noArgument(command);
                confirm(room().lock(command.name().equals("/lock")), null);
            }
            case "/moderated" -> confirm(room().moderated(CommandArgs.onOff(arg, "/moderated on|off")), null);
            case "/approval" -> confirm(room().admission(CommandArgs.onOff(arg, "/approval on|off")
                    ? Admission.APPROVAL : Admission.OPEN), null);
            case "/stats" -> {
                noArgument(command);
                CurrentRoom current = state.requireRoom();
                Set<String> present = current.members().stream().map(MemberInfo::id).collect(Collectors.toSet());
                replies.await(room().stats()).ifPresent(stats -> ModerationTables.stats(stats, current.name(),
                        present, state.me.id()).forEach(out::info));
            }
            case "/audit" -> {
                Integer limit = arg.isEmpty() ? null : CommandArgs.number(arg, 1, Audit.MAX_LIMIT,
                        "/audit [N]: the last N actions, N from 1 to " + Audit.MAX_LIMIT);
                String roomName = state.requireRoom().name();
                replies.await(room().audit(limit)).ifPresent(audit -> ModerationTables.audit(audit, roomName,
                        state::nameOf, clock.getZone(), clock.instant()).forEach(out::info));
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void hand(String arg) throws CommandException, InterruptedException {
        switch (arg.toLowerCase(Locale.ROOT)) {
            case "", "up" -> {
                CurrentRoom current = state.requireRoom();
                MemberInfo me = current.member(state.me.id());
                if (me != null && me.handRaised() != null) {
                    out.info("Your hand is already up.");
                    return;
                }
                confirm(room().raiseHand(), null);
            }
            case "down" -> confirm(room().lowerHand(), null);
            default -> throw CommandException.usage("/hand raises your hand, /hand down lowers it");
        }
    }

    private static void noArgument(SlashCommand command) throws CommandException {
        if (!command.argument().isEmpty()) {
            throw CommandException.usage(command.name() + " takes no argument");
        }
    }

    private HavenRoom room() throws CommandException {
        return state.client.room(state.requireRoom().id());
    }

    private void confirm(CompletableFuture<EmptyResult> reply, String done) throws InterruptedException {
        if (replies.await(reply).isPresent() && done != null) {
            out.info(done);
        }
    }
}
