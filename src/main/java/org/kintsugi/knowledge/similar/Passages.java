package org.kintsugi.knowledge.similar;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Cut what was written about an incident into the few passages its embedding is made from: what happened (title,
 * summary, impact), why it happened (the sections whose headings speak of causes, else the first section), and the
 * analysis (whys and contributing factors). Each is the first 180 words, as far as the model reads. Three passages
 * keep an incident's embedding to three runs of the model however long its postmortem is.
 */
public final class Passages {

    /** Starts each section's block in the flattened sections: {@code "§ Heading\nbody"}. */
    public static final String SECTION_MARK = "§ ";

    private static final Pattern CAUSE_HEADING = Pattern.compile(
            "cause|why|what happened|went wrong|analysis|contribut|trigger|root|detail|description|background");

    private Passages() {}

    /** Return the passages, blank ones left out. */
    public static List<String> of(
            String title, String summary, String impact, String sections, String whys, String factors) {
        List<String> passages = new ArrayList<>();
        add(passages, String.join(". ", nonBlank(title, summary, impact)));
        add(passages, causes(sections));
        add(passages, String.join("\n", nonBlank(whys, factors)));
        return passages;
    }

    private static void add(List<String> passages, String text) {
        String passage = Embedder.firstWords(text, Embedder.PASSAGE_WORDS);
        if (!passage.isBlank()) {
            passages.add(passage);
        }
    }

    private static List<String> nonBlank(String... parts) {
        List<String> kept = new ArrayList<>();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                kept.add(part.strip());
            }
        }
        return kept;
    }

    /** Return the body of the sections about causes, or of the first section when none is. */
    static String causes(String sections) {
        if (sections == null || sections.isBlank()) {
            return "";
        }
        StringBuilder causes = new StringBuilder();
        String first = null;
        for (String block : sections.split("(?m)^" + Pattern.quote(SECTION_MARK))) {
            if (block.isBlank()) {
                continue;
            }
            int end = block.indexOf('\n');
            String heading = end < 0 ? block : block.substring(0, end);
            String body = end < 0 ? "" : block.substring(end + 1).strip();
            if (body.isEmpty()) {
                continue;
            }
            if (first == null) {
                first = body;
            }
            if (CAUSE_HEADING.matcher(heading.toLowerCase(Locale.ROOT)).find()) {
                causes.append(body).append('\n');
            }
        }
        return causes.isEmpty() ? (first == null ? "" : first) : causes.toString();
    }
}
