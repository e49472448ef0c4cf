package org.kintsugi.analysis.coach;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Name the kind of blame in a sentence the classifier flagged: the category whose training sentences' mean embedding
 * (centroid) is most similar to the sentence's. The centroids are the resource {@code language/coach-categories.txt},
 * written by {@code CoachTraining} beside the head.
 */
record Categories(Map<Category, float[]> centroids) {

    static final String RESOURCE = "/language/coach-categories.txt";

    /** The labels of the coach set, mapped to the coach's categories. */
    static final Map<String, Category> LABELS = Map.of(
            "attribution", Category.PERSON_AS_CAUSE,
            "judgement", Category.JUDGEMENT,
            "human-error", Category.HUMAN_ERROR,
            "counterfactual", Category.HINDSIGHT);

    Category nearest(float[] embedding) {
        Category best = Category.PERSON_AS_CAUSE;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (var entry : centroids.entrySet()) {
            double score = 0;
            float[] c = entry.getValue();
            for (int i = 0; i < c.length; i++) score += c[i] * embedding[i];
            if (score > bestScore) {
                bestScore = score;
                best = entry.getKey();
            }
        }
        return best;
    }

    static Categories read() {
        try (InputStream in = Categories.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("The coach's centroids " + RESOURCE + " are missing");
            Map<Category, float[]> centroids = new EnumMap<>(Category.class);
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] cells = line.strip().split("\\s+");
                float[] c = new float[cells.length - 1];
                for (int i = 1; i < cells.length; i++) c[i - 1] = Float.parseFloat(cells[i]);
                if (c.length != Embeddings.DIMENSIONS) {
                    throw new IllegalStateException("A centroid in " + RESOURCE + " has " + c.length + " values");
                }
                centroids.put(Category.valueOf(cells[0]), c);
            }
            return new Categories(centroids);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Write the centroids in the resource's format: a category name, then its values, one category a line. */
    String format(String header) {
        StringBuilder out = new StringBuilder(header);
        centroids.forEach((category, c) -> {
            out.append(category.name());
            for (float v : c) out.append(String.format(Locale.ROOT, " %.6f", v));
            out.append('\n');
        });
        return out.toString();
    }

    static String explanation(Category category) {
        return switch (category) {
            case PERSON_AS_CAUSE ->
                "This names a person or team as the cause; the outcome came from conditions and decisions around them.";
            case JUDGEMENT ->
                "This judges a person's character, care or competence instead of describing what they saw and did.";
            case HUMAN_ERROR ->
                "Calling it a person's error ends the inquiry where it should start: at what made the action easy to"
                        + " take and hard to catch.";
            case HINDSIGHT, CUSTOM ->
                "This judges a past action with knowledge the person did not have at the time (hindsight bias).";
        };
    }

    static String suggestion(Category category) {
        return switch (category) {
            case PERSON_AS_CAUSE ->
                "What made this action look like the right step to the people involved at the time?";
            case JUDGEMENT ->
                "Describe what the person knew, saw and was trying to do, rather than what they are like.";
            case HUMAN_ERROR ->
                "Describe what the person saw and did, and what about the system made that action easy to take and"
                        + " hard to notice.";
            case HINDSIGHT, CUSTOM ->
                "What did the people involved know and see at that moment, and why did it make sense?";
        };
    }
}
