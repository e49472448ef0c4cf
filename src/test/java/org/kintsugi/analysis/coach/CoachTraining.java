package org.kintsugi.analysis.coach;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Train the coach's classifier head on {@code coach-set/train.tsv}, report precision and recall per category on
 * {@code coach-set/dev.tsv}, and write the weights to {@code src/main/resources/language/coach-head.txt}. The training
 * is deterministic (Newton steps from zero weights), so running it again gives the same
 * file. Run with {@code ./mvnw -B -ntp test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.kintsugi.analysis.coach.CoachTraining}. The test split is never read here.
 */
public final class CoachTraining {

    static final Set<String> BLAME = Set.of("attribution", "judgement", "human-error", "counterfactual");
    static final double L2 = 1e-3;
    static final int STEPS = 50;

    record Row(String label, String sentence) {
        boolean blame() {
            return BLAME.contains(label);
        }
    }

    record Example(Row row, float[] embedding, float[] signals, boolean asked) {}

    /** Decide as {@link BlameClassifier} does: sentences not worth weighing that woke no rule are never flagged. */
    static boolean flags(BlameHead head, Example e) {
        return e.asked() && head.blames(e.embedding(), e.signals());
    }

    public static void main(String[] args) throws IOException {
        Embeddings embeddings = Embeddings.load();
        List<Example> train = examples(rows("train.tsv"), embeddings);
        List<Example> dev = examples(rows("dev.tsv"), embeddings);
        float threshold = Float.parseFloat(System.getProperty("coach.threshold", "0.5"));
        double l2 = Double.parseDouble(System.getProperty("coach.l2", String.valueOf(L2)));
        String sweep = System.getProperty("coach.sweep", "");
        for (String value : sweep.isEmpty() ? new String[0] : sweep.split(",")) {
            BlameHead tried = train(train, Double.parseDouble(value), threshold);
            for (float t = 0.3f; t < 0.8f; t += 0.05f) {
                BlameHead at = new BlameHead(tried.weights(), tried.bias(), t);
                System.out.printf(Locale.ROOT, "l2 %s threshold %.2f: dev %s%n", value, t, score(dev, at));
            }
        }
        BlameHead head = train(train, l2, threshold);
        if (Boolean.getBoolean("coach.grid")) grid(dev, head);
        System.out.println("Trained on train.tsv alone:");
        report("train", train, head);
        report("dev", dev, head);
        List<Example> all = new ArrayList<>(train);
        all.addAll(dev);
        crossValidate(all, l2, threshold);
        head = train(all, l2, threshold);
        if (!Boolean.getBoolean("coach.dry")) {
            Path out = Path.of("src/main/resources/language/coach-head.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(
                    out,
                    head.format("# Logistic regression head of the language coach: 384 MiniLM embedding weights, then"
                            + " one weight per grammar signal.\n# Written by CoachTraining from coach-set/train.tsv and dev.tsv"
                            + String.format(Locale.ROOT, " (L2 %.0e, %d steps); do not edit by hand.%n", l2, STEPS)));
            System.out.println("wrote " + out);
            Path centroids = Path.of("src/main/resources/language/coach-categories.txt");
            Files.writeString(
                    centroids,
                    centroids(all)
                            .format(
                                    "# Mean MiniLM embedding of each blame category's sentences in coach-set/train.tsv and dev.tsv.\n"
                                            + "# Written by CoachTraining; do not edit by hand.\n"));
            System.out.println("wrote " + centroids);
        }
    }

    static Categories centroids(List<Example> examples) {
        Map<Category, float[]> sums = new java.util.EnumMap<>(Category.class);
        Map<Category, Integer> counts = new java.util.EnumMap<>(Category.class);
        for (Example e : examples) {
            Category category = Categories.LABELS.get(e.row().label());
            if (category == null) continue;
            float[] sum = sums.computeIfAbsent(category, c -> new float[Embeddings.DIMENSIONS]);
            for (int i = 0; i < sum.length; i++) sum[i] += e.embedding()[i];
            counts.merge(category, 1, Integer::sum);
        }
        sums.forEach((category, sum) -> {
            for (int i = 0; i < sum.length; i++) sum[i] /= counts.get(category);
        });
        return new Categories(sums);
    }

    static List<Row> rows(String file) throws IOException {
        try (InputStream in = CoachTraining.class.getResourceAsStream("/language/coach-set/" + file)) {
            List<Row> rows = new ArrayList<>();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isBlank()) continue;
                String[] cells = lines[i].split("\t", -1);
                rows.add(new Row(cells[0], cells[1]));
            }
            return rows;
        }
    }

    static List<Example> examples(List<Row> rows, Embeddings embeddings) {
        RuleSet rules = RuleSet.builtIn();
        List<Example> examples = new ArrayList<>();
        for (Row row : rows) {
            Tokens tokens = Tokens.of(row.sentence());
            Set<Category> found = EnumSet.noneOf(Category.class);
            rules.review(row.sentence()).findings().forEach(f -> found.add(f.category()));
            Sentence sentence = new Sentence(tokens, 0, tokens.size);
            float[] signals = Signals.of(sentence, found);
            boolean asked = !found.isEmpty() || Signals.worthWeighing(sentence);
            examples.add(new Example(row, embeddings.vector(row.sentence()), signals, asked));
        }
        return examples;
    }

    /**
     * Fit the logistic regression by Newton's method (iteratively reweighted least squares) with an L2 penalty on the
     * weights, not the bias, from zero weights: deterministic, and converged in a few dozen steps.
     */
    static BlameHead train(List<Example> examples, double l2, float threshold) {
        int d = Embeddings.DIMENSIONS + Signals.COUNT + 1;
        int n = examples.size();
        double[][] x = new double[n][d];
        double[] y = new double[n];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < d - 1; i++) x[r][i] = feature(examples.get(r), i);
            x[r][d - 1] = 1;
            y[r] = examples.get(r).row().blame() ? 1 : 0;
        }
        double[] w = new double[d];
        for (int step = 0; step < STEPS; step++) {
            double[] grad = new double[d];
            double[][] hessian = new double[d][d];
            for (int r = 0; r < n; r++) {
                double z = 0;
                for (int i = 0; i < d; i++) z += w[i] * x[r][i];
                double p = 1 / (1 + Math.exp(-z));
                double s = Math.max(p * (1 - p), 1e-9);
                for (int i = 0; i < d; i++) {
                    grad[i] += (p - y[r]) * x[r][i];
                    double si = s * x[r][i];
                    for (int j = 0; j <= i; j++) hessian[i][j] += si * x[r][j];
                }
            }
            for (int i = 0; i < d - 1; i++) {
                grad[i] += l2 * n * w[i];
                hessian[i][i] += l2 * n;
            }
            hessian[d - 1][d - 1] += 1e-9;
            for (int i = 0; i < d; i++) for (int j = i + 1; j < d; j++) hessian[i][j] = hessian[j][i];
            double[] delta = solve(hessian, grad);
            double change = 0;
            for (int i = 0; i < d; i++) {
                w[i] -= delta[i];
                change = Math.max(change, Math.abs(delta[i]));
            }
            if (change < 1e-7) break;
        }
        float[] weights = new float[d - 1];
        for (int i = 0; i < d - 1; i++) weights[i] = (float) w[i];
        return new BlameHead(weights, (float) w[d - 1], threshold);
    }

    /** Solve the symmetric positive definite system by Cholesky decomposition. */
    static double[] solve(double[][] a, double[] b) {
        int d = b.length;
        double[][] l = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int k = 0; k < j; k++) sum -= l[i][k] * l[j][k];
                l[i][j] = i == j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / l[j][j];
            }
        }
        double[] z = new double[d];
        for (int i = 0; i < d; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) sum -= l[i][k] * z[k];
            z[i] = sum / l[i][i];
        }
        double[] out = new double[d];
        for (int i = d - 1; i >= 0; i--) {
            double sum = z[i];
            for (int k = i + 1; k < d; k++) sum -= l[k][i] * out[k];
            out[i] = sum / l[i][i];
        }
        return out;
    }

    private static float feature(Example e, int i) {
        return i < Embeddings.DIMENSIONS ? e.embedding()[i] : e.signals()[i - Embeddings.DIMENSIONS];
    }

    /** Report five-fold cross-validation over the given rows (fold = row number modulo 5), per category. */
    static void crossValidate(List<Example> all, double l2, float threshold) {
        List<Example> scored = new ArrayList<>();
        List<Boolean> verdicts = new ArrayList<>();
        for (int fold = 0; fold < 5; fold++) {
            List<Example> fit = new ArrayList<>();
            List<Example> held = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) (i % 5 == fold ? held : fit).add(all.get(i));
            BlameHead head = train(fit, l2, threshold);
            for (Example e : held) {
                scored.add(e);
                verdicts.add(flags(head, e));
            }
        }
        Map<String, int[]> byLabel = new java.util.TreeMap<>();
        int tp = 0, fp = 0, fn = 0;
        for (int i = 0; i < scored.size(); i++) {
            Row row = scored.get(i).row();
            boolean flagged = verdicts.get(i);
            byLabel.computeIfAbsent(row.label(), l -> new int[2])[flagged ? 1 : 0]++;
            if (flagged && row.blame()) tp++;
            else if (flagged) fp++;
            else if (row.blame()) fn++;
        }
        System.out.printf(
                Locale.ROOT,
                "5-fold cross-validation over train+dev: precision %.3f recall %.3f%n",
                tp / (double) (tp + fp),
                tp / (double) (tp + fn));
        byLabel.forEach((label, counts) -> System.out.printf(
                Locale.ROOT, "  %-18s flagged %3d of %3d%n", label, counts[1], counts[0] + counts[1]));
    }

    static void grid(List<Example> dev, BlameHead head) {
        int rtp = 0, rfp = 0, rfn = 0;
        for (Example e : dev) {
            boolean rule = ruleFired(e);
            if (rule && e.row().blame()) rtp++;
            else if (rule) rfp++;
            else if (e.row().blame()) rfn++;
        }
        System.out.printf(
                Locale.ROOT,
                "rules alone on dev: P %.3f R %.3f%n",
                rtp / (double) (rtp + rfp),
                rtp / (double) (rtp + rfn));
        for (double withRule = 0.05; withRule < 0.6; withRule += 0.1) {
            for (double without = 0.4; without < 0.9; without += 0.05) {
                int tp = 0, fp = 0, fn = 0;
                for (Example e : dev) {
                    double p = head.probability(e.embedding(), e.signals());
                    boolean flagged = p >= (ruleFired(e) ? withRule : without);
                    if (flagged && e.row().blame()) tp++;
                    else if (flagged) fp++;
                    else if (e.row().blame()) fn++;
                }
                System.out.printf(
                        Locale.ROOT,
                        "with rule %.2f without %.2f: P %.3f R %.3f%n",
                        withRule,
                        without,
                        tp / (double) (tp + fp),
                        tp / (double) (tp + fn));
            }
        }
    }

    static boolean ruleFired(Example e) {
        for (int i = 0; i < 4; i++) if (e.signals()[i] > 0) return true;
        return false;
    }

    static String score(List<Example> examples, BlameHead head) {
        int tp = 0, fp = 0, fn = 0;
        for (Example e : examples) {
            boolean flagged = flags(head, e);
            if (flagged && e.row().blame()) tp++;
            else if (flagged) fp++;
            else if (e.row().blame()) fn++;
        }
        return String.format(Locale.ROOT, "P %.3f R %.3f", tp / (double) (tp + fp), tp / (double) (tp + fn));
    }

    static void report(String split, List<Example> examples, BlameHead head) {
        Map<String, int[]> byLabel = new LinkedHashMap<>();
        int tp = 0, fp = 0, fn = 0;
        for (Example e : examples) {
            boolean flagged = flags(head, e);
            byLabel.computeIfAbsent(e.row().label(), l -> new int[2])[flagged ? 1 : 0]++;
            if (flagged && e.row().blame()) tp++;
            else if (flagged) fp++;
            else if (e.row().blame()) fn++;
            if (split.equals("dev") && flagged != e.row().blame() && Boolean.getBoolean("coach.verbose")) {
                System.out.printf(
                        "  %s %s %.2f %s%n",
                        flagged ? "FP" : "FN",
                        e.row().label(),
                        head.probability(e.embedding(), e.signals()),
                        e.row().sentence());
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%s: precision %.3f recall %.3f (%d sentences)%n",
                split,
                tp / (double) (tp + fp),
                tp / (double) (tp + fn),
                examples.size());
        byLabel.forEach((label, counts) -> System.out.printf(
                Locale.ROOT, "  %-18s flagged %3d of %3d%n", label, counts[1], counts[0] + counts[1]));
    }
}
