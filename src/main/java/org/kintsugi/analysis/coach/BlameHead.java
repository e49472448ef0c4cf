package org.kintsugi.analysis.coach;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The trained part of the classifier: a logistic regression over a sentence's embedding followed by its {@link
 * Signals}, with the probability above which a sentence is taken for blame. Its weights are the resource {@code
 * language/coach-head.txt}, written by {@code CoachTraining} (see README, Language coach).
 */
record BlameHead(float[] weights, float bias, float threshold) {

    static final String RESOURCE = "/language/coach-head.txt";

    /** Return the probability that a sentence with these features blames someone. */
    double probability(float[] embedding, float[] signals) {
        double z = bias;
        for (int i = 0; i < embedding.length; i++) z += weights[i] * embedding[i];
        for (int i = 0; i < signals.length; i++) z += weights[embedding.length + i] * signals[i];
        return 1 / (1 + Math.exp(-z));
    }

    boolean blames(float[] embedding, float[] signals) {
        return probability(embedding, signals) >= threshold;
    }

    static BlameHead read() {
        try (InputStream in = BlameHead.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("The coach's weights " + RESOURCE + " are missing");
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BlameHead parse(String text) {
        float bias = 0;
        float threshold = 0.5f;
        List<Float> weights = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] cells = line.strip().split("\\s+");
            switch (cells[0]) {
                case "bias" -> bias = Float.parseFloat(cells[1]);
                case "threshold" -> threshold = Float.parseFloat(cells[1]);
                default -> weights.add(Float.parseFloat(cells[1]));
            }
        }
        int expected = Embeddings.DIMENSIONS + Signals.COUNT;
        if (weights.size() != expected) {
            throw new IllegalStateException(
                    "The coach's weights hold " + weights.size() + " values, " + expected + " expected");
        }
        float[] w = new float[weights.size()];
        for (int i = 0; i < w.length; i++) w[i] = weights.get(i);
        return new BlameHead(w, bias, threshold);
    }

    /** Write the head in the resource's format, one weight a line, so a retrained head diffs line by line. */
    String format(String header) {
        StringBuilder out = new StringBuilder(header);
        out.append(String.format(Locale.ROOT, "threshold %.4f%nbias %.6f%n", threshold, bias));
        for (int i = 0; i < weights.length; i++) {
            String name = i < Embeddings.DIMENSIONS ? "e" + i : Signals.NAMES.get(i - Embeddings.DIMENSIONS);
            out.append(String.format(Locale.ROOT, "%s %.6f%n", name, weights[i]));
        }
        return out.toString();
    }
}
