package dev.haven.client.cli;

import dev.haven.client.HavenClient;
import dev.haven.client.HavenListener;
import dev.haven.protocol.CloseCode;
import dev.haven.protocol.model.RoomInfo;
import dev.haven.protocol.server.HelloResult;
import dev.haven.protocol.server.JoinResult;
import dev.haven.protocol.server.MessageEvent;
import dev.haven.protocol.server.PresenceEvent;
import dev.haven.protocol.server.RoomsResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One run of the command-line chat: connects, says hello, shows the rooms, joins one, then
 * sends each typed line to the room and shows what happens there, until the input ends,
 * {@code /quit}, or the server closes the connection.
 *
 * <p><b>Threading.</b> All chat state belongs to the thread that calls {@link #run}. Two other
 * threads feed it through one {@link ChatInbox}: a reader thread adds each typed line and the
 * end of input, the client's receiving thread each event and the end of the connection. While
 * {@code run} waits for a reply, events wait in the inbox, so a join reply (presence list,
 * history) is always taken in before the events that follow it.
 */
public final class ChatSession {
    static final int EXIT_OK = 0;
    static final int EXIT_FAILURE = 1;
    /** The server is shutting down: the user may try again later (EX_TEMPFAIL of sysexits.h). */
    static final int EXIT_SERVER_SHUTTING_DOWN = 75;
    static final Duration REPLY_TIMEOUT = Duration.ofSeconds(10);

    private final ChatOptions options;
    private final BufferedReader input;
    private final Transcript out;
    private final GuidelinesConsent consent;
    private final ReplyWaiter replies;
    private final ChatInbox inbox = new ChatInbox();
    private HavenClient client;
    private List<RoomInfo> directory = List.of();
    private CurrentRoom room;
    private boolean closedByUs;
    private Integer exitCode;

    /**
     * @param interactive whether a person types the input at a terminal; if not, guidelines of
     *                    a room given with {@code --room} are accepted only with {@code --accept-guidelines}
     */
    public ChatSession(ChatOptions options, BufferedReader input, PrintStream output, boolean interactive) {
        this.options = options;
        this.input = input;
        this.out = new Transcript(output);
        this.consent = new GuidelinesConsent(out, options.acceptGuidelines(), interactive);
        this.replies = new ReplyWaiter(out, REPLY_TIMEOUT, closed -> onClosed(closed.code(), closed.reason()));
    }

    /** Runs the chat to its end and returns the exit status; see {@link ChatOptions#USAGE}. */
    public int run() {
        try {
            client = HavenClient.connect(options.url(), new QueueingListener())
                    .get(REPLY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            out.error("connect", "cannot connect to " + options.url() + " (" + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")");
            return EXIT_FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EXIT_FAILURE;
        }
        startReading();
        try {
            start();
            while (exitCode == null) {
                handle(inbox.take());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            end(EXIT_FAILURE);
        }
        return exitCode;
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

    private void start() throws InterruptedException {
        Optional<HelloResult> hello = replies.await(client.hello(options.hello()));
        if (hello.isEmpty()) {
            end(EXIT_FAILURE);
            return;
        }
        out.info("Connected to " + options.url() + " as " + Transcript.clean(hello.get().user().name()) + ".");
        showRooms();
        if (options.room() != null) {
            join(options.room(), true);
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
            onEvent(event);
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
        switch (command.name()) {
            case "/rooms" -> showRooms();
            case "/join" -> {
                if (command.argument().isEmpty()) {
                    out.error("usage", "/join ROOM (/rooms lists them)");
                } else {
                    join(command.argument(), false);
                }
            }
            case "/leave" -> leave();
            case "/who" -> {
                if (room == null) {
                    out.error("not_in_room", "you are not in a room");
                } else {
                    out.members(room);
                }
            }
            case "/help" -> out.info(SlashCommand.HELP);
            case "/quit" -> quit();
            default -> out.error("unknown_command", command.name() + " is not a command; /help lists them");
        }
    }

    private void say(String text) throws InterruptedException {
        if (room == null) {
            out.error("not_in_room", "join a room first: /join ROOM (/rooms lists them)");
            return;
        }
        // The message event, which the sender receives as well, shows the line.
        replies.await(client.send(room.id(), text));
    }

    private void onEvent(ChatInput.Event event) {
        if (room == null) {
            return;
        }
        if (event.message() instanceof MessageEvent message && room.accept(message)) {
            out.message(message);
        } else if (event.message() instanceof PresenceEvent presence && room.apply(presence)) {
            out.presence(presence);
        }
    }

    private void showRooms() throws InterruptedException {
        Optional<RoomsResult> rooms = replies.await(client.rooms());
        rooms.ifPresent(result -> {
            directory = result.rooms();
            out.rooms(directory);
        });
    }

    private void join(String roomId, boolean fromCommandLine) throws InterruptedException {
        if (room != null && room.id().equals(roomId)) {
            out.info("You are already in " + Transcript.clean(room.name()) + ".");
            return;
        }
        Optional<RoomInfo> info = findRoom(roomId);
        boolean accepted = false;
        if (info.isPresent() && info.get().guidelines() != null) {
            accepted = consent.accepts(info.get(), fromCommandLine, this::nextAnswer);
            if (!accepted) {
                return;
            }
        }
        Optional<JoinResult> joined = replies.await(client.join(roomId, null, accepted));
        if (joined.isEmpty()) {
            return;
        }
        if (Boolean.TRUE.equals(joined.get().waiting())) {
            // A room that admits by approval: not in it yet, so the current room stays.
            out.info("You are waiting for a facilitator to admit you to "
                    + Transcript.clean(info.map(RoomInfo::name).orElse(roomId))
                    + ". When you are admitted, /join " + Transcript.clean(roomId) + " again.");
            return;
        }
        if (room != null) {
            leave();
        }
        room = new CurrentRoom(roomId, joined.get());
        out.joined(room, CurrentRoom.history(joined.get()), Boolean.TRUE.equals(joined.get().gap()));
    }

    private Optional<RoomInfo> findRoom(String roomId) throws InterruptedException {
        if (directory.stream().noneMatch(r -> roomId.equals(r.id()))) {
            replies.await(client.rooms()).ifPresent(result -> directory = result.rooms());
        }
        return directory.stream().filter(r -> roomId.equals(r.id())).findFirst();
    }

    /** The next typed line, showing events meanwhile; null when input or connection ended first. */
    private String nextAnswer() throws InterruptedException {
        while (true) {
            ChatInput next = inbox.take();
            if (next instanceof ChatInput.Line line) {
                return line.text().strip();
            }
            if (next instanceof ChatInput.Event event) {
                onEvent(event);
            } else {
                inbox.putBack();
                return null;
            }
        }
    }

    private void leave() throws InterruptedException {
        if (room == null) {
            out.error("not_in_room", "you are not in a room");
            return;
        }
        CurrentRoom left = room;
        boolean ok = replies.await(client.leave(left.id())).isPresent();
        // Show what the room said before the leave took effect and is still queued, such as one's own last line.
        for (ChatInput.Event event = inbox.pollEvent(left.id()); event != null; event = inbox.pollEvent(left.id())) {
            onEvent(event);
        }
        room = null;
        if (ok) {
            out.info("You left " + Transcript.clean(left.name()) + ".");
        }
    }

    private void quit() throws InterruptedException {
        if (room != null) {
            leave();
        }
        if (exitCode == null) {
            out.info("Bye.");
            end(EXIT_OK);
        }
    }

    /** Closes the connection (1000) unless the server already did, and sets the exit status if unset. */
    private void end(int status) {
        if (client.isOpen()) {
            closedByUs = true;
            client.close();
        }
        if (exitCode == null) {
            exitCode = status;
        }
    }

    private void onClosed(int code, String reason) {
        if (closedByUs || exitCode != null) {
            return;
        }
        if (code == CloseCode.GOING_AWAY.code()) {
            out.error("closed", "the server is shutting down; try again in a while");
            exitCode = EXIT_SERVER_SHUTTING_DOWN;
        } else {
            out.error("closed", "the server closed the connection (" + code
                    + (reason == null || reason.isBlank() ? "" : ": " + reason) + ")");
            exitCode = EXIT_FAILURE;
        }
    }

    /** Runs on the client's receiving thread: only queues. */
    private final class QueueingListener implements HavenListener {
        @Override
        public void onMessage(MessageEvent message) {
            inbox.received(new ChatInput.Event(message));
        }

        @Override
        public void onPresence(PresenceEvent presence) {
            inbox.received(new ChatInput.Event(presence));
        }

        @Override
        public void onClosed(int code, String reason) {
            inbox.received(new ChatInput.Closed(code, reason));
        }
    }
}
