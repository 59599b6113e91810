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
 * The second stage's judgement: a softmax regression over a message's sentence embedding, with
 * three classes ({@code none}, {@code concern}, {@code high}) and two thresholds chosen on the
 * corpus's dev split. A message is alerted when the probability of a crisis (concern + high)
 * reaches {@link #alertAt}, and alerted {@code high} only when the probability of {@code high}
 * alone reaches {@link #highAt} (strong evidence); a long message is alerted when any of its
 * windows is.
 *
 * <p>The weights come from {@link ClassifierTrainer} and ship as a small text resource
 * ({@value #RESOURCE}), which names the encoder they were trained on. Immutable; thread-safe.
 */
public final class CrisisClassifier {
    public static final String RESOURCE = "/care/crisis-model-en.tsv";
    static final String[] CLASSES = {"none", "concern", "high"};

    private final String encoder;
    private final double[][] weights;
    private final double[] bias;
    private final double alertAt;
    private final double highAt;
    private final List<String> header;

    CrisisClassifier(String encoder, double[][] weights, double[] bias, double alertAt, double highAt,
                     List<String> header) {
        this.encoder = encoder;
        this.weights = weights;
        this.bias = bias;
        this.alertAt = alertAt;
        this.highAt = highAt;
        this.header = List.copyOf(header);
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
        } catch (IOException e) {
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
        return weights[0].length;
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
        double[] scores = new double[CLASSES.length];
        for (int k = 0; k < CLASSES.length; k++) {
            double s = bias[k];
            double[] w = weights[k];
            for (int d = 0; d < w.length; d++) {
                s += w[d] * x[d];
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
            p[k] = Math.exp(scores[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < scores.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    // ---------------------------------------------------------------- the file

    /**
     * The classifier as text: comment lines, then {@code encoder}, {@code alertAt}, {@code highAt},
     * {@code bias} and one {@code w} line per embedding dimension (three weights each), numbers
     * in a fixed format, so that the same training writes the same bytes.
     */
    public String toText() {
        StringBuilder out = new StringBuilder();
        header.forEach(line -> out.append("# ").append(line).append('\n'));
        out.append("encoder\t").append(encoder).append('\n');
        out.append("classes\t").append(String.join("\t", CLASSES)).append('\n');
        out.append("alertAt\t").append(number(alertAt)).append('\n');
        out.append("highAt\t").append(number(highAt)).append('\n');
        out.append("bias");
        for (double b : bias) {
            out.append('\t').append(number(b));
        }
        out.append('\n');
        for (int d = 0; d < weights[0].length; d++) {
            out.append("w\t").append(d);
            for (double[] w : weights) {
                out.append('\t').append(number(w[d]));
            }
            out.append('\n');
        }
        return out.toString();
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
        double[] bias = null;
        List<double[]> rows = new ArrayList<>();
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
                case "bias" -> bias = parse(f, 1);
                case "w" -> {
                    if (Integer.parseInt(f[1]) != rows.size()) {
                        throw new ModelUnavailableException("the classifier's weights are out of order at " + f[1]);
                    }
                    rows.add(parse(f, 2));
                }
                default -> throw new ModelUnavailableException("unknown line in the classifier: " + f[0]);
            }
        }
        if (encoder == null || alertAt == null || highAt == null || bias == null || rows.isEmpty()) {
            throw new ModelUnavailableException("the classifier file is incomplete");
        }
        double[][] weights = new double[CLASSES.length][rows.size()];
        for (int d = 0; d < rows.size(); d++) {
            for (int k = 0; k < CLASSES.length; k++) {
                weights[k][d] = rows.get(d)[k];
            }
        }
        return new CrisisClassifier(encoder, weights, bias, alertAt, highAt, header);
    }

    private static double[] parse(String[] fields, int from) {
        if (fields.length - from != CLASSES.length) {
            throw new ModelUnavailableException("the classifier needs " + CLASSES.length + " numbers per line");
        }
        double[] values = new double[CLASSES.length];
        for (int k = 0; k < CLASSES.length; k++) {
            values[k] = Double.parseDouble(fields[from + k]);
        }
        return values;
    }
}
