package dev.haven.client.cli;

import dev.haven.protocol.client.Hello;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;

/**
 * The command line of the chat, validated.
 *
 * @param token            a signed token; takes precedence over {@code name}
 * @param name             a guest pseudonym, used when there is no token
 * @param room             a room to join at once, or null
 * @param acceptGuidelines accept the guidelines of the rooms joined without asking
 */
public record ChatOptions(URI url, String name, String token, String room, boolean acceptGuidelines) {
    public static final URI DEFAULT_URL = URI.create("ws://127.0.0.1:8080/ws");
    /** Where a token may be given instead of {@code --token}, which other users can see in the process list. */
    public static final String TOKEN_VARIABLE = "HAVEN_TOKEN";

    static final String USAGE = """
            usage: java -jar haven-client.jar [--url URL] (--name NAME | --token TOKEN) [--room ID]
                                              [--accept-guidelines]

              --url URL            the server's WebSocket endpoint (default ws://127.0.0.1:8080/ws)
              --name NAME          take part as a guest under this pseudonym
              --token TOKEN        sign in with a token from the server's operator; the variable
                                   HAVEN_TOKEN works too and keeps it out of the process list
              --room ID            join this room at once; otherwise type /join ROOM
              --accept-guidelines  accept the guidelines of rooms you join without being asked;
                                   needed to join a room that has guidelines with --room when
                                   input is not a terminal (piped or redirected)
              -h, --help           show this help

            """ + SlashCommand.HELP + """


            A lost connection is made again by itself, with waits growing from 0.5 s up to
            30 s; the room is rejoined and the messages missed meanwhile are shown once each.

            Exit status: 0 after /quit or end of input, 1 on an error or when the server
            refuses the client, 2 on a bad command line, 75 when the connection was lost and
            could not be made again (try again later).
            """;

    public ChatOptions {
        if (url == null) {
            url = DEFAULT_URL;
        }
        if (!"ws".equals(url.getScheme()) && !"wss".equals(url.getScheme()) || url.getHost() == null) {
            throw new UsageException("--url must be a ws:// or wss:// address with a host, such as " + DEFAULT_URL);
        }
        if (isBlank(token) && isBlank(name)) {
            throw new UsageException("say who you are: --name NAME to join as a guest, or --token TOKEN");
        }
        token = isBlank(token) ? null : token.strip();
        name = isBlank(name) ? null : name;
        if (room != null && room.isBlank()) {
            throw new UsageException("--room needs a room id");
        }
    }

    /** True when the arguments ask for the help text. */
    static boolean wantsHelp(List<String> args) {
        return args.contains("--help") || args.contains("-h");
    }

    /**
     * @param env the environment, for {@link #TOKEN_VARIABLE}
     * @throws UsageException with a message for the user
     */
    static ChatOptions parse(List<String> args, Map<String, String> env) {
        URI url = null;
        String name = null;
        String token = env.get(TOKEN_VARIABLE);
        String room = null;
        boolean acceptGuidelines = false;
        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i);
            if (flag.equals("--accept-guidelines")) {
                acceptGuidelines = true;
                continue;
            }
            if (!List.of("--url", "--name", "--token", "--room").contains(flag)) {
                throw new UsageException("unknown option '" + flag + "'");
            }
            if (i + 1 >= args.size()) {
                throw new UsageException(flag + " needs a value");
            }
            String value = args.get(++i);
            switch (flag) {
                case "--url" -> url = parseUrl(value);
                case "--name" -> name = value;
                case "--token" -> token = value;
                default -> room = value;
            }
        }
        return new ChatOptions(url, name, token, room, acceptGuidelines);
    }

    private static URI parseUrl(String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw new UsageException("--url is not a valid address, such as " + DEFAULT_URL);
        }
    }

    Hello hello() {
        return token != null ? Hello.withToken(token) : Hello.guest(name);
    }

    /** How the user signs in, for messages: never the token itself. */
    String who() {
        return token != null ? "token" : "guest " + name;
    }

    @Override
    public String toString() {
        return "ChatOptions[url=" + url + ", name=" + name + ", token=" + (token == null ? "none" : "***")
                + ", room=" + room + ", acceptGuidelines=" + acceptGuidelines + "]";
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** A command line that cannot be used; the message says what to change. */
    public static final class UsageException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
