package dev.haven.client.cli;

import dev.haven.client.ConnectionClosedException;
import dev.haven.client.HavenErrorException;
import dev.haven.client.ReconnectPolicy;
import dev.haven.client.ReconnectingClient;
import dev.haven.protocol.CloseCode;
import dev.haven.protocol.InvalidFieldException;
import dev.haven.protocol.model.RoomInfo;
import dev.haven.protocol.server.HelloResult;
import dev.haven.protocol.server.JoinResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One run of the command-line chat: connects, says hello, shows the rooms, joins one, then
 * sends each typed line to the room and shows what happens there, until the input ends,
 * {@code /quit}, or the connection ends for good. A lost connection is made again with backoff
 * ({@link ReconnectingClient}), and the room rejoined with {@code since}: the chat says so
 * ({@link ConnectionEvents}) and shows what was missed, each message once. The members' tools
 * and facilitators' commands are handled by {@link RoomCommands} and {@link MemberCommands},
 * events by {@link ChatEvents}.
 *
 * <p><b>Threading.</b> All chat state ({@link ChatState}) belongs to the thread that calls
 * {@link #run}. Two other threads feed it through one {@link ChatInbox}: a reader thread adds
 * each typed line and the end of input, the client's thread each event, each change of the
 * connection and its end. While {@code run} waits for a reply, events wait in the inbox, so a
 * join reply (presence list, history) is always taken in before the events that follow it.
 */
public final class ChatSession {
    static final int EXIT_OK = 0;
    static final int EXIT_FAILURE = 1;
    /** The connection was lost and could not be made again: the user may try later (EX_TEMPFAIL of sysexits.h). */
    static final int EXIT_TRY_LATER = 75;
    static final Duration REPLY_TIMEOUT = Duration.ofSeconds(10);
    /** Connecting takes at most 10 s and the hello's answer 10 s more; this only guards against a hang. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final ChatOptions options;
    private final ReconnectPolicy policy;
    private final BufferedReader input;
    private final Transcript out;
    private final GuidelinesConsent consent;
    private final ReplyWaiter replies;
    private final ChatInbox inbox = new ChatInbox();
    private final ChatState state = new ChatState();
    private final ChatEvents events;
    private final RoomCommands roomCommands;
    private final MemberCommands memberCommands;
    private final CareCommands careCommands;
    private final SessionCommands sessionCommands;
    private final CheckinCommands checkinCommands;
    private final ConnectionEvents connection;
    private boolean closedByUs;
    private Integer exitCode;

    /**
     * @param interactive whether a person types the input at a terminal; if not, guidelines of
     *                    a room given with {@code --room} are accepted only with {@code --accept-guidelines}
     */
    public ChatSession(ChatOptions options, BufferedReader input, PrintStream output, boolean interactive) {
        this(options, input, output, interactive, ReconnectPolicy.DEFAULT);
    }

    /** @param policy when to reconnect after losing the connection */
    ChatSession(ChatOptions options, BufferedReader input, PrintStream output, boolean interactive,
                ReconnectPolicy policy) {
        this.options = options;
        this.policy = policy;
        this.input = input;
        this.out = new Transcript(output);
        this.consent = new GuidelinesConsent(out, options.acceptGuidelines(), interactive);
        this.replies = new ReplyWaiter(out, REPLY_TIMEOUT);
        Clock clock = Clock.systemDefaultZone();
        this.events = new ChatEvents(state, out, clock, (roomId, accepted) -> join(roomId, false, accepted));
        this.roomCommands = new RoomCommands(state, out, replies, clock);
        this.memberCommands = new MemberCommands(state, out, replies);
        this.careCommands = new CareCommands(state, out, replies);
        this.sessionCommands = new SessionCommands(state, out, replies, clock);
        this.checkinCommands = new CheckinCommands(state, out, replies);
        this.connection = new ConnectionEvents(state, out, policy.maxAttempts());
    }

    /** Runs the chat to its end and returns the exit status; see {@link ChatOptions#USAGE}. */
    public int run() {
        state.client = ReconnectingClient.builder(options.url(), options.hello())
                .listener(new InboxListener(inbox)).policy(policy).build();
        try {
            Optional<HelloResult> hello = connect();
            if (hello.isEmpty()) {
                return EXIT_FAILURE;
            }
            startReading();
            start(hello.get());
            while (exitCode == null) {
                handle(inbox.take());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            end(EXIT_FAILURE);
        }
        return exitCode;
    }

    /** The first connection and hello; when there is none, says why. Not retried: the address, token or name may be wrong. */
    private Optional<HelloResult> connect() throws InterruptedException {
        try {
            return Optional.of(state.client.start().get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HavenErrorException refused) {
                out.error(refused.wireCode(), refused.serverMessage());
            } else if (cause instanceof ConnectionClosedException closed) {
                out.error("closed", "the server closed the connection ("
                        + ConnectionEvents.why(closed.code(), closed.reason()) + ")");
            } else {
                out.error("connect", "cannot connect to " + options.url() + " (" + cause.getClass().getSimpleName()
                        + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")");
            }
        } catch (TimeoutException e) {
            out.error("connect", "no answer from " + options.url() + " within " + START_TIMEOUT.toSeconds() + " s");
            state.client.close();
        }
        return Optional.empty();
    }

    private void startReading() {
        Thread reader = new Thread(() -> {
            try {
                for (String line = input.readLine(); line != null; line = input.readLine()) {
                    inbox.typed(new ChatInput.Line(line));
                }
            } catch (IOException e) {
                // Unreadable input ends the chat as the end of input does.
            }
            inbox.typed(new ChatInput.EndOfInput());
        }, "haven-chat-input");
        reader.setDaemon(true);
        reader.start();
    }

    private void start(HelloResult hello) throws InterruptedException {
        state.me = hello.user();
        out.info("Connected to " + options.url() + " as " + Transcript.clean(state.me.name()) + ".");
        showRooms();
        if (options.room() != null) {
            join(options.room(), true, null);
        } else {
            out.info("Type /join ROOM to enter a room, /help for the commands.");
        }
    }

    private void handle(ChatInput next) throws InterruptedException {
        if (next instanceof ChatInput.Line line) {
            onLine(line.text());
        } else if (next instanceof ChatInput.EndOfInput) {
            quit();
        } else if (next instanceof ChatInput.Event event) {
            events.handle(event.message());
        } else if (next instanceof ChatInput.ConnectionChange change) {
            connection.handle(change);
        } else if (next instanceof ChatInput.Closed closed) {
            onClosed(closed.code(), closed.reason());
        }
    }

    private void onLine(String line) throws InterruptedException {
        SlashCommand command = SlashCommand.parse(line);
        if (command == null) {
            if (!line.isBlank()) {
                say(SlashCommand.textToSend(line));
            }
            return;
        }
        try {
            switch (command.name()) {
                case "/rooms" -> showRooms();
                case "/join" -> {
                    if (command.argument().isEmpty()) {
                        throw CommandException.usage("/join ROOM (/rooms lists them)");
                    }
                    join(command.argument(), false, null);
                }
                case "/leave" -> leave();
                case "/who" -> out.members(state.requireRoom());
                case "/help" -> out.info(SlashCommand.HELP);
                case "/quit" -> quit();
                default -> {
                    if (!roomCommands.handle(command) && !memberCommands.handle(command)
                            && !careCommands.handle(command) && !sessionCommands.handle(command)
                            && !checkinCommands.handle(command)) {
                        throw new CommandException("unknown_command", command.name()
                                + " is not a command; /help lists them");
                    }
                }
            }
        } catch (CommandException e) {
            out.error(e.code(), e.getMessage());
        } catch (InvalidFieldException e) {
            // A value the protocol does not allow, such as a reason too long: nothing was sent.
            out.error("usage", e.getMessage());
        }
    }

    private void say(String text) throws InterruptedException {
        if (checkinCommands.say(text)) {
            return;
        }
        if (state.room == null) {
            out.error("not_in_room", "join a room first: /join ROOM (/rooms lists them)");
            return;
        }
        // The message event, which the sender receives as well, shows the line.
        replies.awaitMessage(state.client.send(state.room.id(), text));
    }

    private void showRooms() throws InterruptedException {
        replies.await(state.client.rooms()).ifPresent(result -> {
            state.directory = result.rooms();
            out.rooms(state.directory);
        });
    }

    /**
     * @param acceptedBefore whether the guidelines were accepted when the user asked to join
     *                       before being admitted; null to ask (or not) now
     */
    private void join(String roomId, boolean fromCommandLine, Boolean acceptedBefore) throws InterruptedException {
        if (state.room != null && state.room.id().equals(roomId)) {
            out.info("You are already in " + Transcript.clean(state.room.name()) + ".");
            return;
        }
        Optional<RoomInfo> info = findRoom(roomId);
        boolean accepted = Boolean.TRUE.equals(acceptedBefore);
        if (acceptedBefore == null && info.isPresent() && info.get().guidelines() != null) {
            accepted = consent.accepts(info.get(), fromCommandLine, this::nextAnswer);
            if (!accepted) {
                return;
            }
        }
        Optional<JoinResult> joined = replies.await(state.client.join(roomId, state.lastShown.get(roomId), accepted));
        if (joined.isEmpty()) {
            return;
        }
        state.lastShown.remove(roomId);
        if (Boolean.TRUE.equals(joined.get().waiting())) {
            // A room that admits by approval: not in it yet, so the current room stays.
            state.awaitingAdmission.put(roomId, accepted);
            out.info("You are waiting for a facilitator to admit you to "
                    + Transcript.clean(info.map(RoomInfo::name).orElse(roomId))
                    + ". You will join as soon as you are admitted.");
            return;
        }
        state.awaitingAdmission.remove(roomId);
        if (state.room != null) {
            leave();
        }
        state.room = new CurrentRoom(roomId, joined.get());
        out.joined(state.room, CurrentRoom.history(joined.get()), Boolean.TRUE.equals(joined.get().gap()),
                state.me.id());
        sessionCommands.joined(state.room);
    }

    private Optional<RoomInfo> findRoom(String roomId) throws InterruptedException {
        if (state.directory.stream().noneMatch(r -> roomId.equals(r.id()))) {
            replies.await(state.client.rooms()).ifPresent(result -> state.directory = result.rooms());
        }
        return state.directory.stream().filter(r -> roomId.equals(r.id())).findFirst();
    }

    /** The next typed line, showing events meanwhile; null when input or the client ended first. */
    private String nextAnswer() throws InterruptedException {
        while (true) {
            ChatInput next = inbox.take();
            if (next instanceof ChatInput.Line line) {
                return line.text().strip();
            }
            if (next instanceof ChatInput.Event event) {
                events.handle(event.message());
            } else if (next instanceof ChatInput.ConnectionChange change) {
                connection.handle(change);
            } else {
                inbox.putBack();
                return null;
            }
        }
    }

    private void leave() throws InterruptedException {
        CurrentRoom left = state.room;
        if (left == null) {
            out.error("not_in_room", "you are not in a room");
            return;
        }
        boolean ok = replies.await(state.client.leave(left.id())).isPresent();
        // Show what the room said before the leave took effect and is still queued, such as one's own last line.
        for (ChatInput.Event event = inbox.pollEvent(left.id()); event != null; event = inbox.pollEvent(left.id())) {
            events.handle(event.message());
        }
        if (state.room == left) {
            state.room = null;
            if (ok) {
                out.info("You left " + Transcript.clean(left.name()) + ".");
            }
        }
    }

    private void quit() throws InterruptedException {
        // Without a connection there is nobody to tell: the server lets the room know the member left.
        if (state.room != null && state.client.isConnected()) {
            leave();
        }
        if (exitCode == null) {
            out.info("Bye.");
            end(EXIT_OK);
        }
    }

    /** Closes the client (1000 when connected; at once between attempts) and sets the exit status if unset. */
    private void end(int status) {
        closedByUs = true;
        state.client.close();
        if (exitCode == null) {
            exitCode = status;
        }
    }

    /** The client stopped for good without being asked: refused by the server, or given up. */
    private void onClosed(int code, String reason) {
        if (closedByUs || exitCode != null) {
            return;
        }
        int attempts = connection.gaveUpAfter();
        if (attempts > 0) {
            out.error("closed", "could not reconnect after " + attempts + " attempts ("
                    + ConnectionEvents.why(code, reason) + "); try again later");
            exitCode = EXIT_TRY_LATER;
        } else if (code == CloseCode.UNAUTHENTICATED.code()) {
            out.error("closed", "the server no longer accepts this sign-in (" + Transcript.clean(reason) + ")"
                    + (options.token() != null ? "; ask for a new token" : ""));
            exitCode = EXIT_FAILURE;
        } else {
            out.error("closed", "the server closed the connection (" + ConnectionEvents.why(code, reason) + ")");
            // Reconnecting was not allowed, though the server did not refuse this client: try later.
            exitCode = ReconnectPolicy.reconnectsAfter(code, reason) ? EXIT_TRY_LATER : EXIT_FAILURE;
        }
    }
}
