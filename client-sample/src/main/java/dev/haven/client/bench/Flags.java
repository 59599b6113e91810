package dev.haven.client.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** {@code --name value} options of one command, checked against the names the command knows. */
final class Flags {
    private final Map<String, String> values;

    private Flags(Map<String, String> values) {
        this.values = values;
    }

    /**
     * @param known the option names the command takes, with their leading dashes
     * @throws IllegalArgumentException for an unknown option, a repeated one or one without a value
     */
    static Flags parse(String[] args, int from, Set<String> known) {
        Map<String, String> values = new HashMap<>();
        for (int i = from; i < args.length; i += 2) {
            String name = args[i];
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option " + name + "; this command takes "
                        + String.join(" ", new TreeSet<>(known)));
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            if (values.put(name, args[i + 1]) != null) {
                throw new IllegalArgumentException(name + " is given twice");
            }
        }
        return new Flags(values);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int integer(String name, int fallback, int min, int max) {
        if (!has(name)) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(values.get(name).trim());
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number", e);
        }
    }

    long longValue(String name, long fallback, long min, long max) {
        if (!has(name)) {
            return fallback;
        }
        try {
            long value = Long.parseLong(values.get(name).trim());
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number", e);
        }
    }

    double decimal(String name, double fallback, double min, double max) {
        if (!has(name)) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(values.get(name).trim());
            if (!(value >= min && value <= max)) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number", e);
        }
    }
}
