package dev.haven.server.care.model;

import dev.haven.server.care.detect.Tier;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The second stage's judgement: a small neural network over a message's sentence embedding (one
 * hidden layer of ReLU units, then a softmax over {@code none}, {@code concern}, {@code high}) and
 * two thresholds chosen on the corpus's dev split. A message is alerted when the probability of a
 * crisis (concern + high) reaches {@link #alertAt}, and alerted {@code high} only when the
 * probability of {@code high} alone reaches {@link #highAt} (strong evidence); a long message is
 * alerted when any of its windows is.
 *
 * <p>The weights come from {@link ClassifierTrainer} and ship as a text resource
 * ({@value #RESOURCE}), which names the encoder they were trained on. Immutable; thread-safe.
 */
public final class CrisisClassifier {
    public static final String RESOURCE = "/care/crisis-model-en.tsv";
    static final String[] CLASSES = {"none", "concern", "high"};

    private final String encoder;
    /** Hidden layer: weights per unit over the embedding, and biases. */
    private final double[][] hiddenWeights;
    private final double[] hiddenBias;
    /** Output layer: weights per class over the hidden units, and biases. */
    private final double[][] outputWeights;
    private final double[] outputBias;
    private final double alertAt;
    private final double highAt;
    private final List<String> header;

    CrisisClassifier(String encoder, double[][] hiddenWeights, double[] hiddenBias, double[][] outputWeights,
                     double[] outputBias, double alertAt, double highAt, List<String> header) {
        this.encoder = encoder;
        this.hiddenWeights = hiddenWeights;
        this.hiddenBias = hiddenBias;
        this.outputWeights = outputWeights;
        this.outputBias = outputBias;
        this.alertAt = alertAt;
        this.highAt = highAt;
        this.header = List.copyOf(header);
    }

    /** The same network with other thresholds and header. */
    CrisisClassifier with(double newAlertAt, double newHighAt, List<String> newHeader) {
        return new CrisisClassifier(encoder, hiddenWeights, hiddenBias, outputWeights, outputBias, newAlertAt, newHighAt,
                newHeader);
    }

    /** What the classifier makes of one message. */
    public record Reading(double crisis, double high, Tier tier) {
    }

    /** The shipped classifier. */
    public static CrisisClassifier builtin() {
        try (InputStream in = CrisisClassifier.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new ModelUnavailableException(RESOURCE + " is missing from the class path");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            if (e instanceof ModelUnavailableException unavailable) {
                throw unavailable;
            }
            throw new ModelUnavailableException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** The comment lines of the file: how it was made, and its dev figures. */
    public List<String> header() {
        return header;
    }

    public String encoder() {
        return encoder;
    }

    public int dimension() {
        return hiddenWeights[0].length;
    }

    public double alertAt() {
        return alertAt;
    }

    public double highAt() {
        return highAt;
    }

    /** The reading of the most worrying window. */
    public Reading classify(float[][] windows) {
        Reading worst = null;
        for (float[] window : windows) {
            double[] p = probabilities(window);
            Reading reading = new Reading(p[1] + p[2], p[2], tier(p[1] + p[2], p[2]));
            if (worst == null || reading.crisis() > worst.crisis()) {
                worst = reading;
            }
        }
        return worst;
    }

    Tier tier(double crisis, double high) {
        if (crisis < alertAt) {
            return Tier.NONE;
        }
        return high >= highAt ? Tier.HIGH : Tier.CONCERN;
    }

    double[] probabilities(float[] x) {
        double[] hidden = new double[hiddenBias.length];
        for (int u = 0; u < hidden.length; u++) {
            double s = hiddenBias[u];
            double[] w = hiddenWeights[u];
            for (int d = 0; d < w.length; d++) {
                s += w[d] * x[d];
            }
            hidden[u] = Math.max(0, s);
        }
        double[] scores = new double[CLASSES.length];
        for (int k = 0; k < CLASSES.length; k++) {
            double s = outputBias[k];
            for (int u = 0; u < hidden.length; u++) {
                s += outputWeights[k][u] * hidden[u];
            }
            scores[k] = s;
        }
        return softmax(scores);
    }

    static double[] softmax(double[] scores) {
        double max = Math.max(scores[0], Math.max(scores[1], scores[2]));
        double sum = 0;
        double[] p = new double[scores.length];
        for (int k = 0; k < scores.length; k++) {
            p[k] = StrictMath.exp(scores[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < scores.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    // ---------------------------------------------------------------- the file

    /**
     * The classifier as text: comment lines, then {@code encoder}, {@code classes}, {@code alertAt},
     * {@code highAt}, one {@code hidden} line per hidden unit (its bias, then its weights) and one
     * {@code output} line per class (its bias, then its weights), numbers in a fixed format, so
     * that the same training writes the same bytes.
     */
    public String toText() {
        StringBuilder out = new StringBuilder();
        header.forEach(line -> out.append("# ").append(line).append('\n'));
        out.append("encoder\t").append(encoder).append('\n');
        out.append("classes\t").append(String.join("\t", CLASSES)).append('\n');
        out.append("alertAt\t").append(number(alertAt)).append('\n');
        out.append("highAt\t").append(number(highAt)).append('\n');
        for (int u = 0; u < hiddenBias.length; u++) {
            row(out, "hidden", u, hiddenBias[u], hiddenWeights[u]);
        }
        for (int k = 0; k < CLASSES.length; k++) {
            row(out, "output", k, outputBias[k], outputWeights[k]);
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String kind, int index, double bias, double[] weights) {
        out.append(kind).append('\t').append(index).append('\t').append(number(bias));
        for (double w : weights) {
            out.append('\t').append(number(w));
        }
        out.append('\n');
    }

    /** Seven significant digits: far finer than the classifier can tell apart, and stable to print. */
    static String number(double value) {
        return String.format(Locale.ROOT, "%.6e", value);
    }

    static CrisisClassifier read(Reader source) throws IOException {
        BufferedReader reader = new BufferedReader(source);
        String encoder = null;
        Double alertAt = null;
        Double highAt = null;
        List<double[]> hidden = new ArrayList<>();
        List<double[]> output = new ArrayList<>();
        List<String> header = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.startsWith("#")) {
                header.add(line.substring(1).strip());
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            switch (f[0]) {
                case "encoder" -> encoder = f[1];
                case "classes" -> {
                    if (!List.of(f).subList(1, f.length).equals(List.of(CLASSES))) {
                        throw new ModelUnavailableException("the classifier's classes must be none, concern, high");
                    }
                }
                case "alertAt" -> alertAt = Double.parseDouble(f[1]);
                case "highAt" -> highAt = Double.parseDouble(f[1]);
                case "hidden" -> hidden.add(parse(f, hidden.size()));
                case "output" -> output.add(parse(f, output.size()));
                default -> throw new ModelUnavailableException("unknown line in the classifier: " + f[0]);
            }
        }
        if (encoder == null || alertAt == null || highAt == null || hidden.isEmpty() || output.size() != CLASSES.length
                || output.stream().anyMatch(o -> o.length != hidden.size() + 1)) {
            throw new ModelUnavailableException("the classifier file is incomplete");
        }
        double[][] hiddenWeights = new double[hidden.size()][];
        double[] hiddenBias = new double[hidden.size()];
        for (int u = 0; u < hidden.size(); u++) {
            hiddenBias[u] = hidden.get(u)[0];
            hiddenWeights[u] = java.util.Arrays.copyOfRange(hidden.get(u), 1, hidden.get(u).length);
        }
        double[][] outputWeights = new double[CLASSES.length][];
        double[] outputBias = new double[CLASSES.length];
        for (int k = 0; k < CLASSES.length; k++) {
            outputBias[k] = output.get(k)[0];
            outputWeights[k] = java.util.Arrays.copyOfRange(output.get(k), 1, output.get(k).length);
        }
        return new CrisisClassifier(encoder, hiddenWeights, hiddenBias, outputWeights, outputBias, alertAt, highAt,
                header);
    }

    /** A row's bias and weights, checking that rows come in order. */
    private static double[] parse(String[] fields, int expectedIndex) {
        if (fields.length < 4 || Integer.parseInt(fields[1]) != expectedIndex) {
            throw new ModelUnavailableException("the classifier's " + fields[0] + " rows are out of order at " + fields[1]);
        }
        double[] values = new double[fields.length - 2];
        for (int i = 2; i < fields.length; i++) {
            values[i - 2] = Double.parseDouble(fields[i]);
        }
        return values;
    }
}
