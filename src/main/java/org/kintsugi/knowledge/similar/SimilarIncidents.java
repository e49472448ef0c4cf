package org.kintsugi.knowledge.similar;

import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.hibernate.search.mapper.orm.Search;
import org.jspecify.annotations.Nullable;
import org.kintsugi.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Find past incidents like a given one, or like an incident still being declared. Four scores are weighed together:
 * BM25 over the search index with the source's most frequent words (title three times, summary
 * twice), the nearest embeddings of its passages, the number of contributing-factor categories and services the
 * two share, and how alike their failure-mechanism profiles are, read from the embeddings by the {@link MechanismHead}
 * (see {@link Weights}). Only the incident's key, title and the reasons leave this class, never the text it was compared on.
 */
@Service
@Transactional(readOnly = true)
public class SimilarIncidents {

    public static final int MAX_LIMIT = 20;

    /** Candidates taken from each ranking before fusing. */
    private static final int CANDIDATES = 50;

    /** Distinct words the lexical query asks for; 8 fields each stay well under Lucene's 1,024 clauses. */
    private static final int QUERY_WORDS = 60;

    /** Characters of the body read for words, so a huge postmortem costs no more than a long one. */
    private static final int READ_CHARS = 20_000;

    /** Below this cosine, closeness in meaning is not given as a reason. */
    private static final double CLOSE_IN_MEANING = 0.55;

    private static final Analyzer WORDS = org.kintsugi.knowledge.index.SearchAnalysis.inProcess(true);

    /**
     * Common words beyond Lucene's short English stop list, as stems, left out of the words a reason names. The query
     * keeps them: BM25 weighs them down already, and leaving them out of it lowered P@5 on the dev split.
     */
    private static final Set<String> COMMON = Set.of(
            "were", "wa", "had", "ha", "have", "been", "after", "befor", "dure", "from", "our", "we", "which", "when",
            "while", "also", "all", "would", "could", "can", "did", "do", "not", "about", "some", "more", "than",
            "other", "onli", "so", "what", "who", "how", "we'r", "it'", "us", "within", "over", "out", "up", "down",
            "into", "its", "becaus", "until", "again", "anoth", "same", "veri", "just", "like");

    private final EntityManager entityManager;
    private final JdbcClient jdbc;
    private final DocumentVectors vectors;

    SimilarIncidents(EntityManager entityManager, JdbcClient jdbc, DocumentVectors vectors) {
        this.entityManager = entityManager;
        this.jdbc = jdbc;
        this.vectors = vectors;
    }

    /** Return up to {@code limit} past incidents like the incident with this id. */
    public List<SimilarIncident> forIncident(long incidentId, int limit, SimilarityMethod method) {
        checkLimit(limit);
        Optional<Row> source = rows(List.of(incidentId), true).stream().findFirst();
        if (source.isEmpty()) {
            return List.of();
        }
        Row row = source.get();
        Embedder.Meaning meaning =
                method == SimilarityMethod.LEXICAL ? null : stored(incidentId).orElseGet(() -> embed(row));
        return similar(row, meaning, limit, method);
    }

    /** Return up to {@code limit} past incidents like one described by these words, before it is declared. */
    public List<SimilarIncident> forText(
            String title, String summary, String impact, int limit, SimilarityMethod method) {
        checkLimit(limit);
        Row row = new Row(-1, "", null, title, summary, impact, "", "", "", "", "");
        if ((title + summary + impact).isBlank()) {
            return List.of();
        }
        Embedder.Meaning meaning = method == SimilarityMethod.LEXICAL ? null : embed(row);
        return similar(row, meaning, limit, method);
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT + ", not " + limit);
        }
    }

    private Optional<Embedder.Meaning> stored(long incidentId) {
        return vectors.of(incidentId)
                .map(vector -> new Embedder.Meaning(
                        vector,
                        vectors.profileOf(incidentId)
                                .orElseGet(() -> MechanismHead.builtIn().profile(vector))));
    }

    private Embedder.@Nullable Meaning embed(Row row) {
        if (!vectors.enabled()) {
            return null;
        }
        return Embedder.embed(Passages.of(row.title, row.summary, row.impact, row.sections, row.whys, row.factors));
    }

    private List<SimilarIncident> similar(
            Row source, Embedder.@Nullable Meaning meaning, int limit, SimilarityMethod method) {
        return similar(source, meaning, limit, method, Weights.CHOSEN);
    }

    /**
     * The share of both profiles the common likeliest mechanism must hold before a suggestion names it. Chosen on the
     * dev split (SimilarEvaluationTests): with no bar 34 % of the reasons named the mechanism both incidents are
     * labelled with, at 0.4 45 %, at 0.5 63 % (92 reasons on the 90 dev incidents' top five), at 0.6 70 % (66). With
     * profiles read per passage: no bar 37 %, 0.4 56 %, 0.5 76 % (66 reasons), 0.6 74 % (57).
     */
    static final double REASON_CONFIDENCE = 0.5;

    /**
     * How the four rankings are weighed in the hybrid: each score is scaled to 0..1 over the candidates (BM25 by the
     * best one, the cosine and the mechanism profiles' likeness between the lowest and highest, the shared factors
     * and services by the most shared), then summed with these weights. Chosen on the dev split of the labelled set
     * only: with the mechanism at 0 the dev P@5 was 0.298, at 0.5 0.324, 1 0.328, 2 0.333, 4 0.333 (the best point of
     * the grid, 0.338, was as often with the embeddings' cosine left out as with it in).
     */
    record Weights(double lexical, double semantic, double shared, double mechanism) {
        static final Weights CHOSEN = new Weights(1.0, 0.5, 0.5, 2.0);
    }

    /** For the evaluation: the incident's suggestions with other weights. */
    List<SimilarIncident> forIncident(long incidentId, int limit, Weights weights) {
        checkLimit(limit);
        Row row = rows(List.of(incidentId), true).getFirst();
        Embedder.Meaning meaning = stored(incidentId).orElseGet(() -> embed(row));
        return similar(row, meaning, limit, SimilarityMethod.HYBRID, weights);
    }

    private List<SimilarIncident> similar(
            Row source, Embedder.@Nullable Meaning meaning, int limit, SimilarityMethod method, Weights weights) {
        float[] vector = meaning == null ? null : meaning.vector();
        Map<String, String> sourceWords = words(source);
        Map<Long, Double> lexical = method == SimilarityMethod.SEMANTIC ? Map.of() : lexical(source, sourceWords);
        Map<Long, Double> cosines = new HashMap<>();
        boolean semantic =
                method == SimilarityMethod.SEMANTIC || (method == SimilarityMethod.HYBRID && weights.semantic() > 0);
        if (vector != null && semantic) {
            for (DocumentVectors.Neighbour n : vectors.nearest(vector, CANDIDATES, source.incidentId)) {
                cosines.put(n.incidentId(), n.cosine());
            }
        }
        float[] profile = meaning == null ? null : meaning.profile();
        Map<Long, Double> mechanisms = new HashMap<>();
        boolean byMechanism =
                method == SimilarityMethod.MECHANISM || (method == SimilarityMethod.HYBRID && weights.mechanism() > 0);
        if (profile != null && byMechanism) {
            for (DocumentVectors.Neighbour n : vectors.nearestByMechanism(profile, CANDIDATES, source.incidentId)) {
                mechanisms.put(n.incidentId(), n.cosine());
            }
        }
        Set<Long> candidateIds = new LinkedHashSet<>(lexical.keySet());
        candidateIds.addAll(cosines.keySet());
        candidateIds.addAll(mechanisms.keySet());
        candidateIds.remove(source.incidentId);
        for (Long id : candidateIds) {
            if (vector != null && semantic && !cosines.containsKey(id)) {
                vectors.of(id).ifPresent(v -> cosines.put(id, dot(vector, v)));
            }
            if (profile != null && byMechanism && !mechanisms.containsKey(id)) {
                vectors.profileOf(id).ifPresent(p -> mechanisms.put(id, MechanismHead.similarity(profile, p)));
            }
        }
        Map<Long, Row> candidates = new HashMap<>();
        rows(candidateIds, false).forEach(r -> candidates.put(r.incidentId, r));
        double bestLexical =
                lexical.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        double lowCosine =
                cosines.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double highCosine =
                cosines.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        double lowMechanism = mechanisms.values().stream()
                .mapToDouble(Double::doubleValue)
                .min()
                .orElse(0);
        double highMechanism = mechanisms.values().stream()
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(1);
        int mostShared = candidates.values().stream()
                .mapToInt(c -> shared(source, c))
                .max()
                .orElse(0);
        Map<Long, Double> fused = new HashMap<>();
        for (Row c : candidates.values()) {
            double l = lexical.getOrDefault(c.incidentId, 0.0) / (bestLexical > 0 ? bestLexical : 1);
            Double cosine = cosines.get(c.incidentId);
            double m = cosine == null || highCosine <= lowCosine ? 0 : (cosine - lowCosine) / (highCosine - lowCosine);
            double f = mostShared == 0 ? 0 : shared(source, c) / (double) mostShared;
            Double alike = mechanisms.get(c.incidentId);
            double k = alike == null || highMechanism <= lowMechanism
                    ? 0
                    : (alike - lowMechanism) / (highMechanism - lowMechanism);
            double score = switch (method) {
                case LEXICAL -> l;
                case SEMANTIC -> m;
                case MECHANISM -> k;
                case HYBRID ->
                    (weights.lexical() * l + weights.semantic() * m + weights.shared() * f + weights.mechanism() * k)
                            / (weights.lexical() + weights.semantic() + weights.shared() + weights.mechanism());
            };
            if (score > 0) {
                fused.put(c.incidentId, score);
            }
        }
        return fused.entrySet().stream()
                .sorted(Map.Entry.<Long, Double>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .limit(limit)
                .map(e -> {
                    Row c = candidates.get(e.getKey());
                    return new SimilarIncident(
                            c.incidentId,
                            c.incidentKey,
                            c.postmortemId,
                            c.title,
                            Math.round(e.getValue() * 1000) / 1000.0,
                            reasons(
                                    source,
                                    sourceWords,
                                    c,
                                    cosines.get(c.incidentId),
                                    sameMechanism(byMechanism ? profile : null, c)));
                })
                .toList();
    }

    private static double dot(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    private Map<Long, Double> lexical(Row source, Map<String, String> sourceWords) {
        if (sourceWords.isEmpty()) {
            return Map.of();
        }
        String query = String.join(" ", sourceWords.values());
        return Search.session(entityManager)
                .search(org.kintsugi.knowledge.index.KnowledgeDocument.class)
                .select(f -> f.composite().from(f.id(Long.class), f.score()).asList())
                .where(f -> f.bool()
                        .must(f.match()
                                .field("title")
                                .boost(3f)
                                .field("summary")
                                .boost(2f)
                                .fields("impact", "sections", "timeline", "accounts", "whys", "factors")
                                .matching(query))
                        .mustNot(f.id().matching(source.incidentId)))
                .fetchHits(CANDIDATES)
                .stream()
                .collect(Collectors.toMap(
                        hit -> (Long) hit.get(0),
                        hit -> ((Float) hit.get(1)).doubleValue(),
                        (a, b) -> a,
                        LinkedHashMap::new));
    }

    /**
     * Return the source's most frequent words, stem to the word as written: title words count three times and
     * summary words twice, so what an incident is about outweighs what its postmortem happens to mention.
     */
    private static Map<String, String> words(Row source) {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, String> written = new HashMap<>();
        count(source.title, 3, counts, written);
        count(source.summary, 2, counts, written);
        count(source.impact + "\n" + source.whys + "\n" + source.factors + "\n" + source.sections, 1, counts, written);
        Map<String, String> top = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(QUERY_WORDS)
                .forEach(e -> top.put(e.getKey(), written.get(e.getKey())));
        return top;
    }

    private static void count(String text, int weight, Map<String, Integer> counts, Map<String, String> written) {
        String read = text.length() > READ_CHARS ? text.substring(0, READ_CHARS) : text;
        try (TokenStream tokens = WORDS.tokenStream("", read)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                String stem = term.toString();
                if (stem.length() < 3 || stem.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                counts.merge(stem, weight, Integer::sum);
                written.putIfAbsent(stem, read.substring(offset.startOffset(), offset.endOffset()));
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Return the mechanism both incidents most look like, when the source's profile was compared at all and that
     * mechanism holds at least {@link #REASON_CONFIDENCE} of both profiles.
     */
    private Optional<Mechanism> sameMechanism(@Nullable float[] profile, Row candidate) {
        if (profile == null) {
            return Optional.empty();
        }
        Mechanism ours = MechanismHead.top(profile);
        if (profile[ours.ordinal()] < REASON_CONFIDENCE) {
            return Optional.empty();
        }
        return vectors.profileOf(candidate.incidentId)
                .filter(theirs -> MechanismHead.top(theirs) == ours && theirs[ours.ordinal()] >= REASON_CONFIDENCE)
                .map(theirs -> ours);
    }

    private static int shared(Row a, Row b) {
        return 2 * intersection(a.factorCategories(), b.factorCategories()).size()
                + intersection(a.services(), b.services()).size();
    }

    private static List<String> intersection(Collection<String> a, Collection<String> b) {
        return a.stream().filter(b::contains).distinct().toList();
    }

    private static List<String> reasons(
            Row source,
            Map<String, String> sourceWords,
            Row candidate,
            @Nullable Double cosine,
            Optional<Mechanism> mechanism) {
        List<String> reasons = new ArrayList<>();
        mechanism.ifPresent(m -> reasons.add("Both look like: " + m.phrase()));
        List<String> factors = intersection(source.factorCategories(), candidate.factorCategories());
        if (!factors.isEmpty()) {
            reasons.add("Same contributing factors: " + String.join(", ", factors));
        }
        List<String> services = intersection(source.services(), candidate.services());
        if (!services.isEmpty()) {
            reasons.add((services.size() == 1 ? "Same service: " : "Same services: ") + String.join(", ", services));
        }
        Map<String, String> theirs = words(candidate);
        List<String> both = sourceWords.entrySet().stream()
                .filter(e -> theirs.containsKey(e.getKey()) && !COMMON.contains(e.getKey()))
                .map(Map.Entry::getValue)
                .map(w -> w.toLowerCase(java.util.Locale.ROOT))
                .distinct()
                .limit(6)
                .toList();
        if (!both.isEmpty()) {
            reasons.add("Both mention: " + String.join(", ", both));
        }
        if (cosine != null && (cosine >= CLOSE_IN_MEANING || reasons.isEmpty())) {
            reasons.add(String.format(java.util.Locale.ROOT, "Close in meaning (%.2f)", cosine));
        }
        return reasons;
    }

    private List<Row> rows(Collection<Long> ids, boolean full) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String body = full
                ? "sections, whys, factors"
                : "substring(sections, 1, 3000), substring(whys, 1, 1000), substring(factors, 1, 1000)";
        return jdbc.sql("select incident_id, incident_key, postmortem_id, title, summary, impact, services,"
                        + " factor_categories, " + body + " from knowledge_documents where incident_id in (:ids)")
                .param("ids", ids)
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getObject(3) == null ? null : rs.getLong(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getString(11)))
                .list();
    }

    /** What is compared of one incident, read from its search document. */
    private record Row(
            long incidentId,
            String incidentKey,
            @Nullable Long postmortemId,
            String title,
            String summary,
            String impact,
            String servicesColumn,
            String categoriesColumn,
            String sections,
            String whys,
            String factors) {

        Set<String> services() {
            return split(servicesColumn);
        }

        Set<String> factorCategories() {
            return split(categoriesColumn);
        }

        private static Set<String> split(String column) {
            return column == null || column.isBlank()
                    ? Set.of()
                    : java.util.Arrays.stream(column.split("\n"))
                            .filter(s -> !s.isBlank())
                            .collect(Collectors.toCollection(LinkedHashSet::new));
        }
    }
}
