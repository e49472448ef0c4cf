package org.kintsugi.analysis.coach;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Decide for each sentence whether it blames, from its MiniLM embedding and its {@link Signals}, through the trained
 * {@link BlameHead}. A sentence taken for blame keeps the rule layer's findings in it, or, when no rule spoke, gets one
 * finding on the clause that names the person, with the category of the nearest {@link Categories centroid}. A
 * sentence taken for description loses the built-in rules' findings (the rules are woken by words; the classifier
 * reads the whole sentence); house rules are always kept, and a sentence a house rule marked gets no second finding.
 * A sentence that woke no rule and that {@link Signals#worthWeighing} passes over (it names nobody and holds no word
 * that blames without a name) is not embedded at all: blame needs someone to blame, and skipping those keeps long
 * reviews fast. Embeddings are cached per sentence text, so a review after an edit embeds only the sentences that
 * changed.
 */
final class BlameClassifier {

    static final String RULE_ID = "blame-classifier";
    private static final int CACHE_SIZE = 4096;
    // a blaming sentence is short; capping what is embedded bounds the cost of long paragraphs and table rows
    private static final int MAX_SENTENCE_CHARS = 300;
    private static volatile @Nullable CompletableFuture<Embeddings> model;

    private final BlameHead head;
    private final Categories categories;
    private final Map<String, float[]> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > CACHE_SIZE;
        }
    };
    private int embedded;

    BlameClassifier(BlameHead head, Categories categories) {
        this.head = head;
        this.categories = categories;
    }

    static BlameClassifier trained() {
        return new BlameClassifier(BlameHead.read(), Categories.read());
    }

    /** Start loading the model on a background thread, once per JVM, the first time a review needs it. */
    static CompletableFuture<Embeddings> warmUp() {
        CompletableFuture<Embeddings> loading = model;
        if (loading == null) {
            synchronized (BlameClassifier.class) {
                loading = model;
                if (loading == null) {
                    loading = new CompletableFuture<>();
                    CompletableFuture<Embeddings> target = loading;
                    Thread.ofPlatform().daemon().name("language-model-loader").start(() -> {
                        try {
                            target.complete(Embeddings.load());
                        } catch (RuntimeException | Error e) {
                            target.completeExceptionally(e);
                        }
                    });
                    model = loading;
                }
            }
        }
        return loading;
    }

    /** Combine the rule layer's review of {@code text} with the classifier's verdict on each of its sentences. */
    LanguageReview review(String text, LanguageReview byRules, Set<String> builtInRules) {
        Tokens tokens = Tokens.of(text);
        List<Finding> kept = new ArrayList<>();
        byRules.findings().stream()
                .filter(f -> !builtInRules.contains(f.rule()))
                .forEach(kept::add);
        int from = 0;
        for (int n = 0; n < tokens.sentences; n++) {
            int to = tokens.sentenceEnds[n];
            Sentence sentence = new Sentence(tokens, from, to);
            int start = tokens.starts[from];
            int end = tokens.ends[to - 1];
            List<Finding> ruled = byRules.findings().stream()
                    .filter(f -> builtInRules.contains(f.rule()) && f.start() >= start && f.start() < end)
                    .toList();
            boolean houseRule = byRules.findings().stream()
                    .anyMatch(f -> !builtInRules.contains(f.rule()) && f.start() >= start && f.start() < end);
            if (to - from >= 3 && blames(sentence, text.substring(start, end), ruled)) {
                if (ruled.isEmpty() && !houseRule) {
                    kept.add(finding(sentence, text.substring(start, end)));
                } else {
                    kept.addAll(ruled);
                }
            }
            from = to;
        }
        kept.sort(Comparator.comparingInt(Finding::start).thenComparingInt(Finding::end));
        return new LanguageReview(text, RuleSet.score(kept, tokens.wordCount), tokens.wordCount, kept);
    }

    /**
     * Count the sentences of {@code text} that {@link #review} would weigh with the model (embed, unless cached): those
     * of three tokens or more that a built-in rule marked or that are {@link Signals#worthWeighing worth weighing}.
     */
    static int toWeigh(String text, LanguageReview byRules, Set<String> builtInRules) {
        Tokens tokens = Tokens.of(text);
        int count = 0;
        int from = 0;
        for (int n = 0; n < tokens.sentences; n++) {
            int to = tokens.sentenceEnds[n];
            int start = tokens.starts[from];
            int end = tokens.ends[to - 1];
            if (to - from >= 3
                    && (weighs(new Sentence(tokens, from, to))
                            || byRules.findings().stream()
                                    .anyMatch(f -> builtInRules.contains(f.rule())
                                            && f.start() >= start
                                            && f.start() < end))) {
                count++;
            }
            from = to;
        }
        return count;
    }

    private static boolean weighs(Sentence sentence) {
        return Signals.worthWeighing(sentence);
    }

    private boolean blames(Sentence sentence, String text, List<Finding> ruled) {
        if (ruled.isEmpty() && !weighs(sentence)) return false;
        Set<Category> found = EnumSet.noneOf(Category.class);
        ruled.forEach(f -> found.add(f.category()));
        return head.blames(embedding(text), Signals.of(sentence, found));
    }

    private float[] embedding(String text) {
        String key = text.length() > MAX_SENTENCE_CHARS ? text.substring(0, MAX_SENTENCE_CHARS) : text;
        synchronized (cache) {
            float[] known = cache.get(key);
            if (known != null) return known;
        }
        float[] vector = warmUp().join().vector(key);
        synchronized (cache) {
            cache.put(key, vector);
            embedded++;
        }
        return vector;
    }

    /** Return how many sentences were embedded (not found in the cache) since this classifier was made. */
    int embedded() {
        synchronized (cache) {
            return embedded;
        }
    }

    private Finding finding(Sentence s, String text) {
        Category category = categories.nearest(embedding(text));
        int first = s.from;
        int last = s.to - 1;
        while (last > first && Lexicon.isPunctuation(s.word(last))) last--;
        for (int i = s.from; i < s.to; i++) {
            if (s.person(i) || Lexicon.POSSESSIVES.contains(s.word(i))) {
                first = i;
                while (first > s.from && !s.boundary(first - 1)) first--;
                int end = i;
                while (end + 1 <= last && !s.boundary(end + 1)) end++;
                last = end;
                break;
            }
        }
        Tokens t = s.t;
        int start = t.starts[first];
        int end = t.ends[last];
        return new Finding(
                start,
                end,
                t.text.substring(start, end),
                category,
                RULE_ID,
                Categories.explanation(category),
                Categories.suggestion(category));
    }
}
