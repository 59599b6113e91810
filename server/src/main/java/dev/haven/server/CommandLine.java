package dev.haven.server;

import dev.haven.server.config.ConfigException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --flag value} pairs after an optional command word; nothing else is accepted. */
record CommandLine(String command, Map<String, String> flags) {
    static CommandLine parse(String[] args, Map<String, Set<String>> flagsByCommand) {
        List<String> words = List.of(args);
        String command = "serve";
        int start = 0;
        if (!words.isEmpty() && !words.get(0).startsWith("-")) {
            command = words.get(0);
            start = 1;
        }
        Set<String> allowed = flagsByCommand.get(command);
        if (allowed == null) {
            throw new ConfigException("unknown command '" + command + "'; try --help");
        }
        Map<String, String> flags = new HashMap<>();
        for (int i = start; i < words.size(); i++) {
            String flag = words.get(i);
            if (flag.equals("--help") || flag.equals("-h")) {
                flags.put("--help", "");
                continue;
            }
            if (!allowed.contains(flag)) {
                throw new ConfigException("unknown option '" + flag + "' for " + command + "; try --help");
            }
            if (i + 1 >= words.size()) {
                throw new ConfigException("option " + flag + " needs a value");
            }
            flags.put(flag, words.get(++i));
        }
        return new CommandLine(command, flags);
    }

    boolean has(String flag) {
        return flags.containsKey(flag);
    }

    String get(String flag) {
        return flags.get(flag);
    }

    String require(String flag) {
        String value = flags.get(flag);
        if (value == null || value.isBlank()) {
            throw new ConfigException(command + " needs " + flag);
        }
        return value;
    }
}
