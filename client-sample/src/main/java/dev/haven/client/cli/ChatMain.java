package dev.haven.client.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.List;

/**
 * {@code java -jar haven-client.jar --name Sam [--room ID]}: wires the process to a
 * {@link ChatSession}: the command line, standard input and output, the exit status.
 */
public final class ChatMain {
    private static final int EXIT_USAGE = 2;

    private ChatMain() {
    }

    public static void main(String[] args) {
        List<String> arguments = List.of(args);
        if (ChatOptions.wantsHelp(arguments)) {
            System.out.print(ChatOptions.USAGE);
            return;
        }
        ChatOptions options;
        try {
            options = ChatOptions.parse(arguments, System.getenv());
        } catch (ChatOptions.UsageException e) {
            System.err.println("haven-client: " + e.getMessage() + " (try --help)");
            System.exit(EXIT_USAGE);
            return;
        }
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));
        // Without a console, input is piped or redirected, and nobody is there to answer questions.
        boolean interactive = System.console() != null;
        System.exit(new ChatSession(options, stdin, System.out, interactive).run());
    }
}
