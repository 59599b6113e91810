package dev.haven.server.care.model;

import dev.haven.server.care.detect.Tier;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads the labelled messages the classifier is trained and measured on: tab-separated lines of
 * label ({@code none}, {@code concern}, {@code high}), category, family and text; {@code #}
 * starts a comment. The files of a folder are read in the order of their names, so training sees
 * the same messages in the same order on every machine.
 */
public final class Corpus {
    private Corpus() {
    }

    /** Every {@code *.tsv} file of the folder, by name. */
    public static List<LabelledMessage> readFolder(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> sorted = files.filter(f -> f.getFileName().toString().endsWith(".tsv")).sorted().toList();
            if (sorted.isEmpty()) {
                throw new IllegalArgumentException("no .tsv files in " + folder);
            }
            List<LabelledMessage> all = new ArrayList<>();
            for (Path file : sorted) {
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    all.addAll(read(reader, file.getFileName().toString()));
                }
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the corpus in " + folder, e);
        }
    }

    /** One file from the class path. */
    public static List<LabelledMessage> readResource(String resource) {
        try (InputStream in = Corpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException(resource + " is not on the class path");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    static List<LabelledMessage> read(Reader source, String name) throws IOException {
        List<LabelledMessage> messages = new ArrayList<>();
        BufferedReader reader = new BufferedReader(source);
        int number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t", 4);
            if (columns.length != 4 || columns[3].isBlank()) {
                throw new IllegalArgumentException(name + " line " + number
                        + ": expected label, category, family and text separated by tabs");
            }
            Tier label;
            try {
                label = Tier.valueOf(columns[0].toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + " line " + number + ": label must be none, concern or high");
            }
            messages.add(new LabelledMessage(label, columns[1], columns[2], columns[3]));
        }
        return messages;
    }
}
