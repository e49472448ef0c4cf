package org.kintsugi.analysis.coach;

import org.kintsugi.shared.SentenceModel;

/** The coach's view of the process's one sentence model: the embedding of one sentence at a time. */
final class Embeddings {

    static final int DIMENSIONS = SentenceModel.DIMENSIONS;

    private final SentenceModel model;
    final long modelBytes;

    private Embeddings(SentenceModel model) {
        this.model = model;
        this.modelBytes = model.bytes();
    }

    /** Return the model, loading it first if nothing has yet. */
    static Embeddings load() {
        return new Embeddings(SentenceModel.get());
    }

    /** Return the sentence's embedding, normalised to length 1. */
    float[] vector(String sentence) {
        return model.vector(sentence);
    }
}
