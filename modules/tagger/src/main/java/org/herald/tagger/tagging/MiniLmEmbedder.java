package org.herald.tagger.tagging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executor;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * Sentence embeddings from all-MiniLM-L6-v2 (quantised) in this process: LangChain4j's
 * ONNX Runtime encoder with the model's weights and tokenizer read from its jar, so
 * tagging needs no network. Or, for staff who bring their own, a BERT-style ONNX model
 * and its {@code tokenizer.json} from files (mean pooling).
 * <p>
 * The Hugging Face tokenizer (DJL) would otherwise reach out at run time: it pings a
 * telemetry endpoint and the EC2 metadata address, and it downloads a native library for
 * a GPU flavour it finds but does not carry. Unless they are set already, the system
 * properties {@code ai.djl.offline}, {@code OPT_OUT_TRACKING} and {@code RUST_FLAVOR}
 * ({@code cpu}) are set before the model loads; the CPU library for Linux, macOS and
 * Windows is inside the DJL jar.
 * <p>
 * Each text is embedded on the calling thread, and ONNX Runtime uses that thread only
 * (one intra-op and one inter-op thread, not one per core): the tagger's throughput is
 * per core, and its listener threads are not oversubscribed. Thread-safe.
 */
public final class MiniLmEmbedder implements Embedder {

    /** The name of the bundled model, as recorded in fitted weights. */
    public static final String BUNDLED = "all-minilm-l6-v2-q";

    private static final Executor CALLING_THREAD = Runnable::run;

    private final EmbeddingModel model;

    private final String name;

    private int dimension;

    private MiniLmEmbedder(EmbeddingModel model, String name) {
        this.model = model;
        this.name = name;
    }

    /**
     * The bundled all-MiniLM-L6-v2 (quantised).
     * @throws InvalidModelException if it cannot be loaded
     */
    public static MiniLmEmbedder bundled() {
        stayOffline();
        try {
            ClassLoader loader = AllMiniLmL6V2QuantizedEmbeddingModel.class.getClassLoader();
            try (InputStream onnx = loader.getResourceAsStream("all-minilm-l6-v2-q.onnx");
                    InputStream tokenizer = loader.getResourceAsStream("all-minilm-l6-v2-q-tokenizer.json")) {
                if (onnx == null || tokenizer == null) {
                    throw new IllegalStateException(
                            "all-minilm-l6-v2-q.onnx or its tokenizer is not on the class path");
                }
                return checked(new MiniLmEmbedder(new OneThreadModel(onnx, tokenizer), BUNDLED),
                        "The bundled embedding model " + BUNDLED);
            }
        }
        catch (RuntimeException | LinkageError | IOException | OrtException ex) {
            throw new InvalidModelException(
                    "The bundled embedding model " + BUNDLED + " cannot be loaded: " + ex.getMessage(), ex);
        }
    }

    /**
     * A BERT-style sentence-embedding model from an ONNX file and its Hugging Face
     * {@code tokenizer.json}, mean-pooled; its name is the ONNX file's name.
     * @throws InvalidModelException if the files are missing or not a working model
     */
    public static MiniLmEmbedder fromFiles(Path onnx, Path tokenizer) {
        String description = "The embedding model " + onnx + " (tokenizer " + tokenizer + ")";
        for (Path file : new Path[] { onnx, tokenizer }) {
            if (!Files.isRegularFile(file)) {
                throw new InvalidModelException(description + " cannot be loaded: no such file " + file, null);
            }
        }
        stayOffline();
        try (InputStream model = Files.newInputStream(onnx); InputStream vocabulary = Files.newInputStream(tokenizer)) {
            return checked(new MiniLmEmbedder(new OneThreadModel(model, vocabulary), onnx.getFileName().toString()),
                    description);
        }
        catch (RuntimeException | LinkageError | IOException | OrtException ex) {
            throw new InvalidModelException(description + " cannot be loaded: " + ex.getMessage(), ex);
        }
    }

    /** Embeds one sentence, so that a model that loads but does not work fails now. */
    private static MiniLmEmbedder checked(MiniLmEmbedder embedder, String description) {
        float[] vector = embedder.embed("Tariffs on aluminium imports.");
        if (vector.length == 0) {
            throw new IllegalStateException(description + " gives empty embeddings");
        }
        embedder.dimension = vector.length;
        return embedder;
    }

    private static void stayOffline() {
        setUnlessSet("ai.djl.offline", "true");
        setUnlessSet("OPT_OUT_TRACKING", "true");
        setUnlessSet("RUST_FLAVOR", "cpu");
    }

    private static void setUnlessSet(String key, String value) {
        if (System.getProperty(key) == null && System.getenv(key) == null) {
            System.setProperty(key, value);
        }
    }

    /**
     * LangChain4j's in-process BERT encoder (tokenising, the ONNX session, mean pooling)
     * on a session of one thread.
     */
    private static final class OneThreadModel extends AbstractInProcessEmbeddingModel {

        private final OnnxBertBiEncoder encoder;

        OneThreadModel(InputStream onnx, InputStream tokenizer) throws IOException, OrtException {
            super(CALLING_THREAD);
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            this.encoder = new OnnxBertBiEncoder(environment, environment.createSession(onnx.readAllBytes(), options),
                    tokenizer, PoolingMode.MEAN);
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return this.encoder;
        }

    }

    @Override
    public float[] embed(String text) {
        return Embedder.normalise(this.model.embed(text).content().vector());
    }

    @Override
    public String model() {
        return this.name;
    }

    @Override
    public int dimension() {
        return this.dimension;
    }

}
