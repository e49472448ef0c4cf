package org.kintsugi.knowledge.similar;

import java.util.List;
import org.kintsugi.shared.SentenceModel;

/**
 * Sentence embeddings from all-MiniLM-L6-v2 (quantised to 8 bits, 23 MB, 384 dimensions), run in-process by ONNX
 * Runtime from the model inside the langchain4j jar. The model is loaded once per process on first use, not at
 * start-up, and is shared: it holds no state between calls.
 */
public final class Embedder {

    /** Names the model in stored vectors, so a change of model is noticed and vectors are made again. */
    public static final String MODEL = SentenceModel.NAME;

    public static final int DIMENSIONS = SentenceModel.DIMENSIONS;

    /** Words of a passage the model reads; it stops at 256 word pieces, about 180 words of English prose. */
    public static final int PASSAGE_WORDS = 180;

    private Embedder() {}

    /**
     * A document's meaning: the mean of its passages' embeddings, normalised to length 1, and the mean of the passages'
     * failure-mechanism profiles (read by the {@link MechanismHead} from each passage, so that one passage about what
     * failed is not diluted by the others before it is read).
     */
    public record Meaning(float[] vector, float[] profile) {}

    /** Return the meaning of the passages; all zero when every passage is blank. */
    public static Meaning embed(List<String> passages) {
        List<String> texts = passages.stream().filter(p -> !p.isBlank()).toList();
        float[] mean = new float[DIMENSIONS];
        float[] profile = new float[Mechanism.values().length];
        if (texts.isEmpty()) {
            return new Meaning(mean, profile);
        }
        MechanismHead head = MechanismHead.builtIn();
        List<float[]> vectors = SentenceModel.get().vectors(texts);
        for (float[] vector : vectors) {
            for (int i = 0; i < DIMENSIONS; i++) {
                mean[i] += vector[i];
            }
            float[] passage = head.profile(vector);
            for (int i = 0; i < profile.length; i++) {
                profile[i] += passage[i] / vectors.size();
            }
        }
        return new Meaning(normalised(mean), profile);
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
}
