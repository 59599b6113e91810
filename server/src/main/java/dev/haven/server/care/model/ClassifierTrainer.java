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
 * order, the encoder runs on one thread, the first weights come from {@link java.util.Random}
 * with a fixed seed, training is full-batch (every step sees every message in the same order)
 * for a fixed number of steps, and the arithmetic that may differ between JVMs ({@code exp},
 * {@code pow}) is {@link StrictMath}'s.
 *
 * <p>How: the train split's embeddings are standardised, a network with one hidden layer of
 * {@value #HIDDEN} ReLU units and a softmax over none / concern / high is fitted with class
 * weights (each class counts as much as the others) and an L2 penalty, by Adam, and the
 * standardisation is folded into the first layer. The thresholds are then chosen on
 * the dev split for the two stages together, as the server runs them: the lexicon first, the
 * model on what it did not alert: {@code alertAt} is the lowest that keeps the alert precision
 * at {@value #TARGET_PRECISION} or better, {@code highAt} the lowest at which the model's own
 * {@code high} alerts are labelled high at {@value #TARGET_HIGH_PRECISION} or better.
 */
public final class ClassifierTrainer {
    static final double TARGET_PRECISION = 0.83;
    static final double TARGET_HIGH_PRECISION = 0.9;
    static final int HIDDEN = 64;
    static final double L2 = 1e-2;
    static final int STEPS = 300;
    static final double LEARNING_RATE = 0.003;
    /** The number. */
    static final long SEED = 15;
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
        CrisisClassifier unthresholded = fit(encoder.name(), x, y, HIDDEN, L2, STEPS, LEARNING_RATE, SEED);

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

        CrisisClassifier thresholded = unthresholded.with(alertAt, highAt, List.of());
        List<String> header = new ArrayList<>();
        header.add("Haven's crisis classifier, the detector's second stage (docs/duty-of-care.md). Written by");
        header.add("ClassifierTrainer; do not edit: change the corpus and run the training command again.");
        header.add(String.format(Locale.ROOT, "corpus: %d messages; train %d, dev %d, test %d (split by wording family)",
                corpus.size(), train.size(), dev.size(), of(corpus, LabelledMessage.Split.TEST).size()));
        header.add(String.format(Locale.ROOT, "one hidden layer of %d ReLU units on %s embeddings, class-weighted, L2 %s,"
                + " %d full-batch steps of Adam at %s, seed %d", HIDDEN, encoder.name(), L2, STEPS, LEARNING_RATE, SEED));
        header.add(String.format(Locale.ROOT, "thresholds from the dev split: alert precision >= %.2f with the lexicon,"
                + " model-only high precision >= %.2f", TARGET_PRECISION, TARGET_HIGH_PRECISION));
        header.add(devSummary(dev, devLexicon, devModel, thresholded));
        return unthresholded.with(alertAt, highAt, header);
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

    /**
     * A class-weighted network with one hidden layer on standardised features, fitted by
     * full-batch Adam; the standardisation is folded into the hidden layer. Thresholds are left
     * at 0.5 and never-high, for the caller to choose.
     */
    static CrisisClassifier fit(String encoderName, float[][] raw, int[] y, int hidden, double l2, int steps,
                                double learningRate, long seed) {
        int n = raw.length;
        int d = raw[0].length;
        int classes = CrisisClassifier.CLASSES.length;
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (float[] row : raw) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        for (float[] row : raw) {
            for (int j = 0; j < d; j++) {
                double c = row[j] - mean[j];
                sd[j] += c * c;
            }
        }
        for (int j = 0; j < d; j++) {
            sd[j] = Math.max(Math.sqrt(sd[j] / n), 1e-6);
        }
        double[][] x = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = (raw[i][j] - mean[j]) / sd[j];
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
        java.util.Random random = new java.util.Random(seed);
        Layer first = new Layer(hidden, d, random, Math.sqrt(2.0 / d));
        Layer second = new Layer(classes, hidden, random, Math.sqrt(1.0 / hidden));
        double[] activation = new double[hidden];
        double[] scores = new double[classes];
        double[] back = new double[hidden];
        for (int step = 1; step <= steps; step++) {
            first.clearGradient();
            second.clearGradient();
            double total = 0;
            for (int i = 0; i < n; i++) {
                first.forward(x[i], activation, true);
                second.forward(activation, scores, false);
                double[] p = CrisisClassifier.softmax(scores);
                double weight = classWeight[y[i]];
                total += weight;
                java.util.Arrays.fill(back, 0);
                for (int k = 0; k < classes; k++) {
                    second.accumulate(k, weight * (p[k] - (y[i] == k ? 1 : 0)), activation, back);
                }
                for (int u = 0; u < hidden; u++) {
                    if (activation[u] > 0) {
                        first.accumulate(u, back[u], x[i], null);
                    }
                }
            }
            first.adam(step, total, l2, learningRate);
            second.adam(step, total, l2, learningRate);
        }
        // Back to raw embeddings: w·(x − mean)/sd + b = (w/sd)·x + (b − Σ w·mean/sd).
        double[][] hiddenWeights = new double[hidden][d];
        double[] hiddenBias = new double[hidden];
        for (int u = 0; u < hidden; u++) {
            double b = first.bias[u];
            for (int j = 0; j < d; j++) {
                hiddenWeights[u][j] = first.weights[u][j] / sd[j];
                b -= first.weights[u][j] * mean[j] / sd[j];
            }
            hiddenBias[u] = b;
        }
        return new CrisisClassifier(encoderName, hiddenWeights, hiddenBias, second.weights, second.bias, 0.5, NEVER,
                List.of());
    }

    /** A dense layer with its gradient and Adam's moments. */
    private static final class Layer {
        final double[][] weights;
        final double[] bias;
        private final double[][] gradient;
        private final double[] biasGradient;
        private final double[][] moment1;
        private final double[][] moment2;
        private final double[] biasMoment1;
        private final double[] biasMoment2;

        Layer(int units, int inputs, java.util.Random random, double scale) {
            weights = new double[units][inputs];
            bias = new double[units];
            gradient = new double[units][inputs];
            biasGradient = new double[units];
            moment1 = new double[units][inputs];
            moment2 = new double[units][inputs];
            biasMoment1 = new double[units];
            biasMoment2 = new double[units];
            for (double[] row : weights) {
                for (int j = 0; j < inputs; j++) {
                    row[j] = random.nextGaussian() * scale;
                }
            }
        }

        void clearGradient() {
            for (double[] row : gradient) {
                java.util.Arrays.fill(row, 0);
            }
            java.util.Arrays.fill(biasGradient, 0);
        }

        /** out = W·in + b, through a ReLU when asked. */
        void forward(double[] in, double[] out, boolean relu) {
            for (int u = 0; u < bias.length; u++) {
                double s = bias[u];
                double[] w = weights[u];
                for (int j = 0; j < in.length; j++) {
                    s += w[j] * in[j];
                }
                out[u] = relu ? Math.max(0, s) : s;
            }
        }

        /** Adds error × input to unit {@code u}'s gradient, and error × weights to {@code back}. */
        void accumulate(int u, double error, double[] in, double[] back) {
            double[] g = gradient[u];
            double[] w = weights[u];
            for (int j = 0; j < in.length; j++) {
                g[j] += error * in[j];
                if (back != null) {
                    back[j] += error * w[j];
                }
            }
            biasGradient[u] += error;
        }

        void adam(int step, double total, double l2, double learningRate) {
            double correction1 = 1 - StrictMath.pow(0.9, step);
            double correction2 = 1 - StrictMath.pow(0.999, step);
            for (int u = 0; u < bias.length; u++) {
                for (int j = 0; j < weights[u].length; j++) {
                    double g = gradient[u][j] / total + l2 * weights[u][j];
                    moment1[u][j] = 0.9 * moment1[u][j] + 0.1 * g;
                    moment2[u][j] = 0.999 * moment2[u][j] + 0.001 * g * g;
                    weights[u][j] -= learningRate * (moment1[u][j] / correction1)
                            / (Math.sqrt(moment2[u][j] / correction2) + 1e-8);
                }
                double g = biasGradient[u] / total;
                biasMoment1[u] = 0.9 * biasMoment1[u] + 0.1 * g;
                biasMoment2[u] = 0.999 * biasMoment2[u] + 0.001 * g * g;
                bias[u] -= learningRate * (biasMoment1[u] / correction1) / (Math.sqrt(biasMoment2[u] / correction2) + 1e-8);
            }
        }
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
