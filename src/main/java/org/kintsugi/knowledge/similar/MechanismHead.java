package org.kintsugi.knowledge.similar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A multinomial logistic regression over a MiniLM embedding that tells which failure {@link Mechanism} a text
 * describes, or none. Its weights are the resource {@code knowledge/mechanism-head.txt}, written by {@code
 * MechanismTraining} from hand-written sentences ({@code src/test/resources/similar/mechanisms}). Applied to an
 * incident's stored embedding, it costs 5,800 multiplications and no run of the model.
 */
public record MechanismHead(float[][] weights, float[] biases) {

    static final String RESOURCE = "/knowledge/mechanism-head.txt";

    /** The class after the fourteen mechanisms: a sentence that names none. */
    static final int NONE = Mechanism.values().length;

    static final int CLASSES = NONE + 1;

    /** Return the head shipped with Kintsugi. */
    public static MechanismHead builtIn() {
        return Holder.INSTANCE;
    }

    /** Return the probability of each class: the fourteen mechanisms in their order, then none. */
    public double[] probabilities(float[] embedding) {
        double[] z = new double[CLASSES];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < CLASSES; c++) {
            double sum = biases[c];
            float[] w = weights[c];
            for (int i = 0; i < w.length; i++) {
                sum += w[i] * embedding[i];
            }
            z[c] = sum;
            max = Math.max(max, sum);
        }
        double total = 0;
        for (int c = 0; c < CLASSES; c++) {
            z[c] = Math.exp(z[c] - max);
            total += z[c];
        }
        for (int c = 0; c < CLASSES; c++) {
            z[c] /= total;
        }
        return z;
    }

    /**
     * Return the incident's mechanism profile: the probabilities of the fourteen mechanisms alone, summing to 1, so
     * that how much of its text is timeline or apology (none) does not change what it looks like.
     */
    public float[] profile(float[] embedding) {
        double[] p = probabilities(embedding);
        double sum = 0;
        for (int c = 0; c < NONE; c++) {
            sum += p[c];
        }
        float[] profile = new float[NONE];
        for (int c = 0; c < NONE; c++) {
            profile[c] = sum > 0 ? (float) (p[c] / sum) : 0;
        }
        return profile;
    }

    /** Return the class with the highest probability: a mechanism, or empty for none. */
    public java.util.Optional<Mechanism> classify(float[] embedding) {
        double[] p = probabilities(embedding);
        int best = 0;
        for (int c = 1; c < CLASSES; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best == NONE ? java.util.Optional.empty() : java.util.Optional.of(Mechanism.values()[best]);
    }

    /** Return how alike two profiles are: the cosine of the two probability vectors, 0 to 1. */
    public static double similarity(float[] a, float[] b) {
        double dot = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return aa == 0 || bb == 0 ? 0 : dot / Math.sqrt(aa * bb);
    }

    /** Return the mechanism with the highest probability in the profile. */
    public static Mechanism top(float[] profile) {
        int best = 0;
        for (int c = 1; c < profile.length; c++) {
            if (profile[c] > profile[best]) {
                best = c;
            }
        }
        return Mechanism.values()[best];
    }

    static MechanismHead parse(String text) {
        List<float[]> weights = new ArrayList<>();
        List<Float> biases = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.strip().split("\\s+");
            String expected = weights.size() < NONE ? Mechanism.values()[weights.size()].id() : "none";
            if (!cells[0].equals(expected) || cells.length != Embedder.DIMENSIONS + 2) {
                throw new IllegalStateException("The mechanism head's line for " + cells[0] + " is not the " + expected
                        + " line of " + (Embedder.DIMENSIONS + 1) + " numbers expected");
            }
            biases.add(Float.parseFloat(cells[1]));
            float[] w = new float[Embedder.DIMENSIONS];
            for (int i = 0; i < w.length; i++) {
                w[i] = Float.parseFloat(cells[i + 2]);
            }
            weights.add(w);
        }
        if (weights.size() != CLASSES) {
            throw new IllegalStateException(
                    "The mechanism head holds " + weights.size() + " classes, " + CLASSES + " expected");
        }
        float[] b = new float[CLASSES];
        for (int c = 0; c < CLASSES; c++) {
            b[c] = biases.get(c);
        }
        return new MechanismHead(weights.toArray(float[][]::new), b);
    }

    /** Write the head in the resource's format: one line a class, its bias then its weights. */
    String format(String header) {
        StringBuilder out = new StringBuilder(header);
        for (int c = 0; c < CLASSES; c++) {
            out.append(c < NONE ? Mechanism.values()[c].id() : "none");
            out.append(String.format(Locale.ROOT, " %.6f", biases[c]));
            for (float w : weights[c]) {
                out.append(String.format(Locale.ROOT, " %.6f", w));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static MechanismHead read() {
        try (InputStream in = MechanismHead.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The mechanism head " + RESOURCE + " is missing");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Holder {
        private static final MechanismHead INSTANCE = read();
    }
}
