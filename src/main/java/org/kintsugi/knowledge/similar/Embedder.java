package org.kintsugi.knowledge.similar;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Sentence embeddings from all-MiniLM-L6-v2 (quantised to 8 bits, 23 MB, 384 dimensions), run in-process by ONNX
 * Runtime from the model inside the langchain4j jar. The model is loaded once per process on first use, not at
 * start-up, and is shared: it holds no state between calls.
 */
public final class Embedder {

    /** Names the model in stored vectors, so a change of model is noticed and vectors are made again. */
    public static final String MODEL = "all-minilm-l6-v2-q";

    public static final int DIMENSIONS = 384;

    /** Words of a passage the model reads; it stops at 256 word pieces, about 180 words of English prose. */
    static final int PASSAGE_WORDS = 180;

    private Embedder() {}

    /**
     * Return the mean of the passages' embeddings, normalised to length 1, or an all-zero vector when every passage
     * is blank.
     */
    public static float[] embed(List<String> passages) {
        List<TextSegment> segments = passages.stream()
                .filter(p -> !p.isBlank())
                .map(TextSegment::from)
                .toList();
        float[] mean = new float[DIMENSIONS];
        if (segments.isEmpty()) {
            return mean;
        }
        List<Embedding> embeddings = Holder.MODEL.embedAll(segments).content();
        for (Embedding embedding : embeddings) {
            float[] vector = embedding.vector();
            for (int i = 0; i < DIMENSIONS; i++) {
                mean[i] += vector[i];
            }
        }
        return normalised(mean);
    }

    /** Return the first {@code words} words of the text, for a passage. */
    static String firstWords(String text, int words) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord && ++count > words) {
                return text.substring(0, i).strip();
            }
            inWord = !space;
        }
        return text.strip();
    }

    static float[] normalised(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        if (norm == 0) {
            return vector;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < vector.length; i++) {
            vector[i] *= scale;
        }
        return vector;
    }

    /** Loads the model the first time it is asked for (class initialisation is lazy and thread-safe). */
    private static final class Holder {
        /** Each call runs on the caller's thread: the index has threads of its own, requests have theirs. */
        private static final AllMiniLmL6V2QuantizedEmbeddingModel MODEL =
                new AllMiniLmL6V2QuantizedEmbeddingModel((Executor) Runnable::run);
    }
}
