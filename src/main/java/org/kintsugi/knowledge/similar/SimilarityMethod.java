package org.kintsugi.knowledge.similar;

import java.util.Locale;
import java.util.Optional;

/** How suggestions are ranked: by shared words, by meaning, by failure mechanism, or all fused with shared factors and services. */
public enum SimilarityMethod {
    /** BM25 over the index with the source's most frequent words. */
    LEXICAL,
    /** Nearest embeddings. */
    SEMANTIC,
    /** Nearest failure-mechanism profiles, read from the embeddings by the {@link MechanismHead}. */
    MECHANISM,
    /** Both lists and the shared factor categories and services, weighed together. */
    HYBRID;

    /** Return the method named, in any case, if there is one. */
    public static Optional<SimilarityMethod> named(String name) {
        for (SimilarityMethod method : values()) {
            if (method.name().equals(name.strip().toUpperCase(Locale.ROOT))) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }
}
