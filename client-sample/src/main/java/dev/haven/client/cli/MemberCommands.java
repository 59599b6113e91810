package dev.haven.client.cli;

import dev.haven.client.HavenRoom;
import dev.haven.protocol.client.Ban;
import dev.haven.protocol.client.Mute;
import dev.haven.protocol.server.EmptyResult;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The facilitators' commands aimed at one member, named by name or user id (see
 * {@link MemberResolver}): {@code /mute}, {@code /unmute}, {@code /remove}, {@code /ban},
 * {@code /unban}, {@code /warn}, {@code /voice}, {@code /lower}, {@code /admit}, {@code /deny}.
 * The server decides who may use them; a member gets {@code forbidden}. What everyone sees
 * anyway (the floor, a lowered hand) is not confirmed twice.
 */
final class MemberCommands {
    private static final String IN_ROOM = "in the room";

    private final ChatState state;
    private final Transcript out;
    private final ReplyWaiter replies;

    MemberCommands(ChatState state, Transcript out, ReplyWaiter replies) {
        this.state = state;
        this.out = out;
        this.replies = replies;
    }

    /** @return false when the command is none of these */
    boolean handle(SlashCommand command) throws CommandException, InterruptedException {
        String arg = command.argument();
        switch (command.name()) {
            case "/mute" -> mute(arg);
            case "/unmute" -> {
                MemberResolver.Person who = one(arg, "/unmute NAME");
                confirm(room().unmute(who.id()), "You lifted " + name(who) + "'s mute.");
            }
            case "/remove" -> {
                MemberResolver.Match target = resolve(arg, ChatState.present(state.requireRoom()), IN_ROOM);
                confirm(room().remove(target.person().id(), CommandArgs.optional(target.rest())),
                        "You removed " + name(target.person()) + " from the room; they may join again.");
            }
            case "/ban" -> ban(arg);
            case "/unban" -> unban(arg);
            case "/warn" -> {
                MemberResolver.Match target = resolve(arg, ChatState.present(state.requireRoom()), IN_ROOM);
                if (target.rest().isEmpty()) {
                    throw CommandException.usage("/warn NAME text... (the words only they will see)");
                }
                confirm(room().warn(target.person().id(), target.rest()),
                        "Your private word reached " + name(target.person()) + ".");
            }
            case "/voice" -> {
                MemberResolver.Match target = resolve(arg, ChatState.present(state.requireRoom()), IN_ROOM);
                boolean granted = target.rest().isEmpty()
                        || CommandArgs.onOff(target.rest(), "/voice NAME gives the floor, /voice NAME off takes it");
                confirm(room().voice(target.person().id(), granted), null);
            }
            case "/lower" -> {
                if (arg.isEmpty()) {
                    throw CommandException.usage("/lower NAME lowers a member's hand; /hand down lowers yours");
                }
                confirm(room().lowerHand(one(arg, "/lower NAME").id()), null);
            }
            case "/admit", "/deny" -> admitOrDeny(command.name().equals("/admit"), arg);
            default -> {
                return false;
            }
        }
        return true;
    }

    private void mute(String arg) throws CommandException, InterruptedException {
        MemberResolver.Match target = resolve(arg, ChatState.present(state.requireRoom()), IN_ROOM);
        Timed timed = timed(target.rest(), Mute.MAX_SECONDS, "mute");
        confirm(room().mute(target.person().id(), timed.seconds(), timed.reason()),
                "You muted " + name(target.person()) + (timed.seconds() == null ? " until you /unmute them"
                        : " for " + EventText.duration(timed.seconds())) + ". Only they and the facilitators know.");
    }

    private void ban(String arg) throws CommandException, InterruptedException {
        CurrentRoom current = state.requireRoom();
        MemberResolver.Match target = resolve(arg, ChatState.presentOrDeparted(current), "in or recently in the room");
        Timed timed = timed(target.rest(), Ban.MAX_SECONDS, "ban");
        confirm(room().ban(target.person().id(), timed.seconds(), timed.reason()),
                "You banned " + name(target.person()) + " from " + Transcript.clean(current.name())
                        + (timed.seconds() == null ? " until you /unban them"
                        : " for " + EventText.duration(timed.seconds())) + ".");
    }

    /** A ban outlives the chat's memory of names, so an id nobody here had is sent as it is. */
    private void unban(String arg) throws CommandException, InterruptedException {
        CurrentRoom current = state.requireRoom();
        MemberResolver.Person who;
        try {
            who = MemberResolver.resolve(arg, ChatState.presentOrDeparted(current), "known here").person();
        } catch (CommandException e) {
            if (!e.code().equals("unknown_member")) {
                throw e;
            }
            who = new MemberResolver.Person(MemberResolver.split(arg, List.of()).name(), null);
            out.info("(No one called that was seen here; sending it as a user id.)");
        }
        confirm(room().unban(who.id()), name(who) + " may join " + Transcript.clean(current.name()) + " again.");
    }

    private void admitOrDeny(boolean admit, String arg) throws CommandException, InterruptedException {
        CurrentRoom current = state.requireRoom();
        MemberResolver.Person who = MemberResolver.resolve(arg, ChatState.waiting(current), "waiting to join")
                .person();
        CompletableFuture<EmptyResult> reply = admit ? room().admit(who.id()) : room().deny(who.id());
        Optional<EmptyResult> done = replies.await(reply);
        if (done.isPresent() || reply.isCompletedExceptionally()) {
            // Admitted, denied, or no longer waiting (it left): either way not waiting any more.
            current.doneWaiting(who.id());
        }
        done.ifPresent(ok -> out.info(admit ? "You admitted " + name(who) + "; they are joining now."
                : name(who) + " was told privately that they cannot be admitted this time."));
    }

    /** {@code [DURATION] [reason...]} */
    private record Timed(Long seconds, String reason) {
    }

    /** @param max the longest duration the protocol allows for this command, in seconds */
    private static Timed timed(String rest, long max, String what) throws CommandException {
        String[] words = CommandArgs.firstWord(rest);
        Long seconds = words[0].isEmpty() ? null : CommandArgs.duration(words[0]);
        if (seconds == null) {
            return new Timed(null, CommandArgs.optional(rest));
        }
        if (seconds < 1 || seconds > max) {
            throw CommandException.usage("a " + what + " lasts from 1 second to " + EventText.duration(max)
                    + "; leave the duration out for one that lasts until lifted");
        }
        return new Timed(seconds, CommandArgs.optional(words[1]));
    }

    /** A member present named by the whole argument, with nothing after the name. */
    private MemberResolver.Person one(String arg, String usage) throws CommandException {
        MemberResolver.Match match = resolve(arg, ChatState.present(state.requireRoom()), IN_ROOM);
        if (!match.rest().isEmpty()) {
            throw CommandException.usage(usage);
        }
        return match.person();
    }

    private static MemberResolver.Match resolve(String arg, Collection<MemberResolver.Person> people, String where)
            throws CommandException {
        return MemberResolver.resolve(arg, people, where);
    }

    private HavenRoom room() throws CommandException {
        return state.client.room(state.requireRoom().id());
    }

    private void confirm(CompletableFuture<EmptyResult> reply, String done) throws InterruptedException {
        if (replies.await(reply).isPresent() && done != null) {
            out.info(done);
        }
    }

    private static String name(MemberResolver.Person person) {
        return Transcript.clean(person.name() == null ? person.id() : person.name());
    }
}
