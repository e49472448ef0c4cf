package org.kintsugi.knowledge.similar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.kintsugi.shared.SentenceModel;

/**
 * Train the failure-mechanism head on {@code similar/mechanisms/sentences.tsv}, report its five-fold cross-validated
 * accuracy on those sentences, and write the weights to {@code src/main/resources/knowledge/mechanism-head.txt}. The
 * evaluation postmortems are never read here. Training is deterministic (full-batch gradient descent with a fixed
 * number of steps from zero weights, on standardised embeddings), so running it again gives the same file. Run with
 * {@code ./mvnw -B -ntp test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.kintsugi.knowledge.similar.MechanismTraining}; {@code -Dmechanism.sweep=1e-4,1e-3} reports
 * the cross-validation at other penalties, {@code -Dmechanism.dry=true} writes nothing.
 */
public final class MechanismTraining {

    static final Path SENTENCES = Path.of("src/test/resources/similar/mechanisms/sentences.tsv");
    static final Path OUT = Path.of("src/main/resources/knowledge/mechanism-head.txt");
    static final double L2 = 1e-1;
    static final int STEPS = 400;
    static final double RATE = 1.0;

    record Example(int label, String sentence, float[] embedding) {}

    public static void main(String[] args) throws IOException {
        List<Example> all = examples(SentenceModel.get());
        double l2 = Double.parseDouble(System.getProperty("mechanism.l2", String.valueOf(L2)));
        String sweep = System.getProperty("mechanism.sweep", "");
        for (String value : sweep.isEmpty() ? new String[0] : sweep.split(",")) {
            crossValidate(all, Double.parseDouble(value));
        }
        crossValidate(all, l2);
        MechanismHead head = train(all, l2);
        System.out.printf(Locale.ROOT, "accuracy on the sentences it was trained on: %.3f%n", accuracy(head, all));
        if (!Boolean.getBoolean("mechanism.dry")) {
            Files.createDirectories(OUT.getParent());
            Files.writeString(
                    OUT,
                    head.format("# Multinomial logistic regression over MiniLM embeddings: 14 failure mechanisms"
                            + " and none, one line a class: bias, then 384 weights.\n# Written by MechanismTraining"
                            + " from similar/mechanisms/sentences.tsv"
                            + String.format(Locale.ROOT, " (L2 %.0e, %d steps); do not edit by hand.%n", l2, STEPS)));
            System.out.println("wrote " + OUT);
        }
    }

    static List<Example> examples(SentenceModel model) throws IOException {
        List<String> lines = Files.readAllLines(SENTENCES, StandardCharsets.UTF_8);
        List<String> labels = new ArrayList<>();
        List<String> sentences = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) continue;
            String[] cells = line.split("\t", -1);
            labels.add(cells[0]);
            sentences.add(cells[1]);
        }
        List<float[]> vectors = model.vectors(sentences);
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            examples.add(new Example(label(labels.get(i)), sentences.get(i), vectors.get(i)));
        }
        return examples;
    }

    static int label(String id) {
        return id.equals("none")
                ? MechanismHead.NONE
                : Mechanism.of(id)
                        .orElseThrow(() -> new IllegalArgumentException("Unknown mechanism " + id))
                        .ordinal();
    }

    /**
     * Fit the softmax regression with an L2 penalty on the weights (not the biases) by full-batch gradient descent
     * with Nesterov momentum on embeddings standardised per dimension; the mean and spread are folded back into the
     * weights and biases, so the head applies to a raw embedding.
     */
    static MechanismHead train(List<Example> examples, double l2) {
        int n = examples.size();
        int d = Embedder.DIMENSIONS;
        int classes = MechanismHead.CLASSES;
        double[] mean = new double[d];
        double[] spread = new double[d];
        for (Example e : examples) for (int i = 0; i < d; i++) mean[i] += e.embedding()[i] / (double) n;
        for (Example e : examples) for (int i = 0; i < d; i++) spread[i] += Math.pow(e.embedding()[i] - mean[i], 2) / n;
        for (int i = 0; i < d; i++) spread[i] = Math.sqrt(spread[i]) + 1e-6;
        double[][] x = new double[n][d];
        for (int r = 0; r < n; r++)
            for (int i = 0; i < d; i++) x[r][i] = (examples.get(r).embedding()[i] - mean[i]) / spread[i];
        double[][] w = new double[classes][d + 1];
        double[][] velocity = new double[classes][d + 1];
        for (int step = 0; step < STEPS; step++) {
            double[][] ahead = new double[classes][d + 1];
            for (int c = 0; c < classes; c++) for (int i = 0; i <= d; i++) ahead[c][i] = w[c][i] + 0.9 * velocity[c][i];
            double[][] grad = gradient(ahead, x, examples, l2);
            for (int c = 0; c < classes; c++) {
                for (int i = 0; i <= d; i++) {
                    velocity[c][i] = 0.9 * velocity[c][i] - RATE * grad[c][i];
                    w[c][i] += velocity[c][i];
                }
            }
        }
        float[][] weights = new float[classes][d];
        float[] biases = new float[classes];
        for (int c = 0; c < classes; c++) {
            double bias = w[c][d];
            for (int i = 0; i < d; i++) {
                weights[c][i] = (float) (w[c][i] / spread[i]);
                bias -= w[c][i] * mean[i] / spread[i];
            }
            biases[c] = (float) bias;
        }
        return new MechanismHead(weights, biases);
    }

    /** Return the gradient of the mean cross-entropy plus the penalty; the last column is the bias. */
    private static double[][] gradient(double[][] w, double[][] x, List<Example> examples, double l2) {
        int n = x.length;
        int d = x[0].length;
        int classes = w.length;
        double[][] grad = new double[classes][d + 1];
        double[] z = new double[classes];
        for (int r = 0; r < n; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                double sum = w[c][d];
                for (int i = 0; i < d; i++) sum += w[c][i] * x[r][i];
                z[c] = sum;
                max = Math.max(max, sum);
            }
            double total = 0;
            for (int c = 0; c < classes; c++) total += (z[c] = Math.exp(z[c] - max));
            int label = examples.get(r).label();
            for (int c = 0; c < classes; c++) {
                double error = (z[c] / total - (c == label ? 1 : 0)) / n;
                for (int i = 0; i < d; i++) grad[c][i] += error * x[r][i];
                grad[c][d] += error;
            }
        }
        for (int c = 0; c < classes; c++) for (int i = 0; i < d; i++) grad[c][i] += l2 * w[c][i];
        return grad;
    }

    static double accuracy(MechanismHead head, List<Example> examples) {
        int right = 0;
        for (Example e : examples) {
            int predicted = head.classify(e.embedding()).map(Enum::ordinal).orElse(MechanismHead.NONE);
            if (predicted == e.label()) right++;
        }
        return right / (double) examples.size();
    }

    /** Report five-fold cross-validation over the sentences (fold = row number modulo 5), overall and per type. */
    static void crossValidate(List<Example> all, double l2) {
        int classes = MechanismHead.CLASSES;
        int[][] confusion = new int[classes][classes];
        for (int fold = 0; fold < 5; fold++) {
            List<Example> fit = new ArrayList<>();
            List<Example> held = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) (i % 5 == fold ? held : fit).add(all.get(i));
            MechanismHead head = train(fit, l2);
            for (Example e : held) {
                int predicted = head.classify(e.embedding()).map(Enum::ordinal).orElse(MechanismHead.NONE);
                confusion[e.label()][predicted]++;
            }
        }
        int right = 0;
        for (int c = 0; c < classes; c++) right += confusion[c][c];
        System.out.printf(
                Locale.ROOT, "L2 %.0e: 5-fold cross-validated accuracy %.3f%n", l2, right / (double) all.size());
        for (int c = 0; c < classes; c++) {
            int total = 0;
            for (int p = 0; p < classes; p++) total += confusion[c][p];
            System.out.printf(
                    Locale.ROOT,
                    "  %-26s %3d of %3d%n",
                    c < MechanismHead.NONE ? Mechanism.values()[c].id() : "none",
                    confusion[c][c],
                    total);
        }
    }
}
