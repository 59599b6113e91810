package dev.haven.server.care.model;

import dev.haven.server.care.detect.CrisisDetector;
import dev.haven.server.care.detect.Tier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Trains the second stage's classifier from the labelled corpus and writes the weights resource:
 *
 * <pre>
 * java -cp server/target/haven-server.jar dev.haven.server.care.model.ClassifierTrainer \
 *     --corpus server/src/test/resources/care/corpus --out server/src/main/resources/care/crisis-model-en.tsv
 * </pre>
 *
 * <p>Reproducible to the byte on a machine of the same kind: the corpus files are read in name
 * order, the encoder runs on one thread, and training has no randomness at all (full-batch
 * gradient descent from zero weights, a fixed number of steps), so there is no seed to fix.
 *
 * <p>How: the train split's embeddings are standardised, a softmax regression over none /
 * concern / high is fitted with class weights (each class counts as much as the others) and an L2
 * penalty, and the standardisation is folded into the weights. The thresholds are then chosen on
 * the dev split for the two stages together, as the server runs them: the lexicon first, the
 * model on what it did not alert: {@code alertAt} is the lowest that keeps the alert precision
 * at {@value #TARGET_PRECISION} or better, {@code highAt} the lowest at which the model's own
 * {@code high} alerts are labelled high at {@value #TARGET_HIGH_PRECISION} or better.
 */
public final class ClassifierTrainer {
    static final double TARGET_PRECISION = 0.83;
    static final double TARGET_HIGH_PRECISION = 0.9;
    static final double L2 = 3e-2;
    static final int STEPS = 600;
    static final double LEARNING_RATE = 0.05;
    /** {@code highAt} when no threshold is precise enough: the model never says high alone. */
    static final double NEVER = 2.0;

    private final SentenceEncoder encoder;
    private final CrisisDetector lexicon;

    public ClassifierTrainer(SentenceEncoder encoder, CrisisDetector lexicon) {
        this.encoder = encoder;
        this.lexicon = lexicon;
    }

    public static void main(String[] args) throws IOException {
        Path corpus = null;
        Path out = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--corpus" -> corpus = Path.of(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown flag " + args[i]);
            }
        }
        if (corpus == null || out == null) {
            System.err.println("usage: ClassifierTrainer --corpus FOLDER --out FILE");
            System.exit(2);
        }
        ClassifierTrainer trainer = new ClassifierTrainer(OnnxSentenceEncoder.shared(), CrisisDetector.builtin());
        CrisisClassifier classifier = trainer.train(Corpus.readFolder(corpus));
        Files.writeString(out, classifier.toText(), StandardCharsets.UTF_8);
        System.out.println("wrote " + out);
        classifier.header().forEach(line -> System.out.println("  " + line));
    }

    /** The classifier for this corpus: weights from its train split, thresholds from its dev split. */
    public CrisisClassifier train(List<LabelledMessage> corpus) {
        List<LabelledMessage> train = of(corpus, LabelledMessage.Split.TRAIN);
        List<LabelledMessage> dev = of(corpus, LabelledMessage.Split.DEV);
        if (train.isEmpty() || dev.isEmpty()) {
            throw new IllegalArgumentException("the corpus needs messages in its train and dev splits");
        }
        float[][] x = embed(train);
        int[] y = train.stream().mapToInt(m -> m.label().ordinal()).toArray();
        Fit fit = fit(x, y, L2, STEPS, LEARNING_RATE);
        CrisisClassifier unthresholded = new CrisisClassifier(encoder.name(), fit.weights, fit.bias, 0.5, NEVER, List.of());

        // The dev split, read as the server reads it: the lexicon first, the model on the rest.
        List<double[]> devModel = new ArrayList<>();
        List<Tier> devLexicon = new ArrayList<>();
        for (LabelledMessage message : dev) {
            CrisisClassifier.Reading reading = unthresholded.classify(encoder.encode(message.text()));
            devModel.add(new double[] {reading.crisis(), reading.high()});
            devLexicon.add(lexicon.detect(message.text()).tier());
        }
        double alertAt = chooseAlertAt(dev, devLexicon, devModel);
        double highAt = chooseHighAt(dev, devLexicon, devModel, alertAt);

        CrisisClassifier thresholded = new CrisisClassifier(encoder.name(), fit.weights, fit.bias, alertAt, highAt,
                List.of());
        List<String> header = new ArrayList<>();
        header.add("Haven's crisis classifier, the detector's second stage (docs/duty-of-care.md). Written by");
        header.add("ClassifierTrainer; do not edit: change the corpus and run the training command again.");
        header.add(String.format(Locale.ROOT, "corpus: %d messages; train %d, dev %d, test %d (split by wording family)",
                corpus.size(), train.size(), dev.size(), of(corpus, LabelledMessage.Split.TEST).size()));
        header.add(String.format(Locale.ROOT, "softmax regression on %s embeddings, class-weighted, L2 %s, %d full-batch"
                + " steps of Adam at %s from zero weights", encoder.name(), L2, STEPS, LEARNING_RATE));
        header.add(String.format(Locale.ROOT, "thresholds from the dev split: alert precision >= %.2f with the lexicon,"
                + " model-only high precision >= %.2f", TARGET_PRECISION, TARGET_HIGH_PRECISION));
        header.add(devSummary(dev, devLexicon, devModel, thresholded));
        return new CrisisClassifier(encoder.name(), fit.weights, fit.bias, alertAt, highAt, header);
    }

    private static List<LabelledMessage> of(List<LabelledMessage> corpus, LabelledMessage.Split split) {
        return corpus.stream().filter(m -> m.split() == split).toList();
    }

    private float[][] embed(List<LabelledMessage> messages) {
        float[][] x = new float[messages.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = encoder.encode(messages.get(i).text())[0];
        }
        return x;
    }

    // ---------------------------------------------------------------- fitting

    record Fit(double[][] weights, double[] bias) {
    }

    /** Class-weighted softmax regression on standardised features; the standardisation folded back in. */
    static Fit fit(float[][] x, int[] y, double l2, int steps, double learningRate) {
        int n = x.length;
        int d = x[0].length;
        int classes = CrisisClassifier.CLASSES.length;
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (float[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        for (float[] row : x) {
            for (int j = 0; j < d; j++) {
                double c = row[j] - mean[j];
                sd[j] += c * c;
            }
        }
        for (int j = 0; j < d; j++) {
            sd[j] = Math.max(Math.sqrt(sd[j] / n), 1e-6);
        }
        double[][] z = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z[i][j] = (x[i][j] - mean[j]) / sd[j];
            }
        }
        int[] counts = new int[classes];
        for (int label : y) {
            counts[label]++;
        }
        double[] classWeight = new double[classes];
        for (int k = 0; k < classes; k++) {
            classWeight[k] = counts[k] == 0 ? 0 : (double) n / (classes * counts[k]);
        }

        // Parameters: classes × (d weights + 1 bias), with Adam's moments.
        int width = d + 1;
        double[][] w = new double[classes][width];
        double[][] m1 = new double[classes][width];
        double[][] m2 = new double[classes][width];
        double[][] grad = new double[classes][width];
        double beta1 = 0.9;
        double beta2 = 0.999;
        double[] scores = new double[classes];
        for (int step = 1; step <= steps; step++) {
            for (double[] g : grad) {
                java.util.Arrays.fill(g, 0);
            }
            double totalWeight = 0;
            for (int i = 0; i < n; i++) {
                double[] zi = z[i];
                for (int k = 0; k < classes; k++) {
                    double s = w[k][d];
                    double[] wk = w[k];
                    for (int j = 0; j < d; j++) {
                        s += wk[j] * zi[j];
                    }
                    scores[k] = s;
                }
                double[] p = CrisisClassifier.softmax(scores);
                double cw = classWeight[y[i]];
                totalWeight += cw;
                for (int k = 0; k < classes; k++) {
                    double r = cw * (p[k] - (y[i] == k ? 1 : 0));
                    double[] gk = grad[k];
                    for (int j = 0; j < d; j++) {
                        gk[j] += r * zi[j];
                    }
                    gk[d] += r;
                }
            }
            double bias1 = 1 - Math.pow(beta1, step);
            double bias2 = 1 - Math.pow(beta2, step);
            for (int k = 0; k < classes; k++) {
                for (int j = 0; j < width; j++) {
                    double g = grad[k][j] / totalWeight + (j < d ? l2 * w[k][j] : 0);
                    m1[k][j] = beta1 * m1[k][j] + (1 - beta1) * g;
                    m2[k][j] = beta2 * m2[k][j] + (1 - beta2) * g * g;
                    w[k][j] -= learningRate * (m1[k][j] / bias1) / (Math.sqrt(m2[k][j] / bias2) + 1e-8);
                }
            }
        }
        // Back to raw embeddings: w·(x − mean)/sd + b = (w/sd)·x + (b − Σ w·mean/sd).
        double[][] weights = new double[classes][d];
        double[] bias = new double[classes];
        for (int k = 0; k < classes; k++) {
            double b = w[k][d];
            for (int j = 0; j < d; j++) {
                weights[k][j] = w[k][j] / sd[j];
                b -= w[k][j] * mean[j] / sd[j];
            }
            bias[k] = b;
        }
        return new Fit(weights, bias);
    }

    // ---------------------------------------------------------------- thresholds

    /** The lowest threshold (in hundredths) that keeps the two stages' alert precision on dev at the target. */
    static double chooseAlertAt(List<LabelledMessage> dev, List<Tier> lexicon, List<double[]> model) {
        for (int t = 20; t <= 99; t++) {
            double threshold = t / 100.0;
            int alerts = 0;
            int right = 0;
            for (int i = 0; i < dev.size(); i++) {
                boolean alerted = lexicon.get(i) != Tier.NONE || model.get(i)[0] >= threshold;
                if (alerted) {
                    alerts++;
                    right += dev.get(i).crisis() ? 1 : 0;
                }
            }
            if (alerts > 0 && (double) right / alerts >= TARGET_PRECISION) {
                return threshold;
            }
        }
        return 0.99;
    }

    /** The lowest threshold at which the model's own high alerts on dev are labelled high often enough. */
    static double chooseHighAt(List<LabelledMessage> dev, List<Tier> lexicon, List<double[]> model, double alertAt) {
        for (int t = 30; t <= 99; t++) {
            double threshold = t / 100.0;
            int highs = 0;
            int right = 0;
            for (int i = 0; i < dev.size(); i++) {
                double[] p = model.get(i);
                if (lexicon.get(i) == Tier.NONE && p[0] >= alertAt && p[1] >= threshold) {
                    highs++;
                    right += dev.get(i).label() == Tier.HIGH ? 1 : 0;
                }
            }
            if (highs >= 5 && (double) right / highs >= TARGET_HIGH_PRECISION) {
                return threshold;
            }
        }
        return NEVER;
    }

    private static String devSummary(List<LabelledMessage> dev, List<Tier> lexicon, List<double[]> model,
                                     CrisisClassifier classifier) {
        int crises = 0;
        int alertedCrises = 0;
        int alerts = 0;
        for (int i = 0; i < dev.size(); i++) {
            double[] p = model.get(i);
            boolean alerted = lexicon.get(i) != Tier.NONE || classifier.tier(p[0], p[1]) != Tier.NONE;
            crises += dev.get(i).crisis() ? 1 : 0;
            alerts += alerted ? 1 : 0;
            alertedCrises += alerted && dev.get(i).crisis() ? 1 : 0;
        }
        return String.format(Locale.ROOT, "dev, lexicon then model: crisis recall %.3f (%d of %d), alert precision %.3f"
                        + " (%d of %d); alertAt %.2f, highAt %.2f", (double) alertedCrises / Math.max(crises, 1),
                alertedCrises, crises, (double) alertedCrises / Math.max(alerts, 1), alertedCrises, alerts,
                classifier.alertAt(), classifier.highAt());
    }
}
