package org.kintsugi.knowledge.index;

import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.projection.dsl.SearchProjectionFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.scope.SearchScope;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.jspecify.annotations.Nullable;
import org.kintsugi.knowledge.SearchHit;
import org.kintsugi.knowledge.SearchQuery;
import org.kintsugi.knowledge.SearchResults;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

/**
 * Run a search against the index alone: every field a hit shows is projected from the index, so no hit costs a
 * database query. The title weighs five times and the summary twice as much as the rest of what people wrote.
 */
@Component
public class DocumentSearch {

    /** Snippet fields, in the order one is chosen to show, each with the name shown beside it. */
    private static final Map<String, String> SNIPPET_FIELDS = snippetFields();

    private static final String[] BODY_FIELDS = {
        "impact", "sections", "timeline", "accounts", "whys", "factors", "actions", "tags"
    };
    private static final int FUZZY_BELOW = 3;
    private static final int FALLBACK_SNIPPET = 200;

    /** The index's English analysis, to find the query's words in a hit's text. */
    private static final Analyzer ANALYZER = SearchAnalysis.inProcess(true);

    private static final Pattern BARE_WORD = Pattern.compile("(?<![\\w\"~*])([\\p{L}\\p{N}]{4,})(?![\\w\"~*])");

    /** The index's English analysis without stop words, to stem a word before a fuzzy match. */
    private static final Analyzer STEMMER = SearchAnalysis.inProcess(false);

    private static final List<String> FACETS = List.of("kind", "severity", "status", "service", "team", "factor");

    private final EntityManager entityManager;

    DocumentSearch(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Find incidents; when the words as typed find little, try words spelled alike and say so. */
    @Transactional(readOnly = true)
    public SearchResults search(SearchQuery query) {
        String text = query.text().strip();
        String words = query.typing() ? withPrefix(text) : text;
        SearchResults exact = run(query, words, false);
        if (exact.total() >= FUZZY_BELOW || text.isEmpty()) {
            return exact;
        }
        String fuzzy = fuzzy(words);
        if (fuzzy.equals(words)) {
            return exact;
        }
        SearchResults approximate = run(query, fuzzy, true);
        return approximate.total() > exact.total() ? approximate : exact;
    }

    /** Return how many documents the index holds. */
    @Transactional(readOnly = true)
    public long indexed() {
        return session()
                .search(KnowledgeDocument.class)
                .where(f -> f.matchAll())
                .fetchTotalHitCount();
    }

    private SearchResults run(SearchQuery query, String words, boolean approximate) {
        SearchSession session = session();
        SearchScope<KnowledgeDocument> scope = session.scope(KnowledgeDocument.class);
        Map<String, AggregationKey<Map<String, Long>>> keys = new LinkedHashMap<>();
        FACETS.forEach(name -> keys.put(name, AggregationKey.of(name)));
        AggregationKey<Map<Integer, Long>> yearKey = AggregationKey.of("year");
        var search = session.search(scope).select(f -> hitProjection(f)).where(f -> predicate(f, query, words));
        for (var facet : keys.entrySet()) {
            search = search.aggregation(
                    facet.getValue(),
                    f -> f.terms().field(facet.getKey(), String.class).maxTermCount(50));
        }
        search = search.aggregation(
                yearKey, f -> f.terms().field("year", Integer.class).maxTermCount(100));
        if (query.sort() == SearchQuery.SearchSort.NEWEST) {
            search = search.sort(f -> f.field("startedAt").desc());
        } else {
            search = search.sort(f -> f.score().then().field("startedAt").desc());
        }
        int offset = (query.page() - 1) * query.size();
        SearchResult<List<?>> result = search.fetch(offset, query.size());
        List<SearchHit> hits = snippets(result.hits(), words);
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        keys.forEach((name, key) -> facets.put(name, result.aggregation(key)));
        Map<String, Long> years = new LinkedHashMap<>();
        result.aggregation(yearKey).forEach((year, count) -> years.put(String.valueOf(year), count));
        facets.put("year", years);
        return new SearchResults(result.total().hitCount(), hits, facets, approximate, query.page(), query.size());
    }

    private static org.hibernate.search.engine.search.projection.dsl.ProjectionFinalStep<List<?>> hitProjection(
            SearchProjectionFactory<?, ?> f) {
        List<org.hibernate.search.engine.search.projection.dsl.ProjectionFinalStep<?>> parts = new ArrayList<>();
        parts.add(f.field("incidentKey", String.class));
        parts.add(f.field("postmortemId", Long.class));
        parts.add(f.field("title", String.class));
        parts.add(f.field("kind", String.class));
        parts.add(f.field("severity", String.class));
        parts.add(f.field("startedAt", Instant.class));
        parts.add(f.score());
        SNIPPET_FIELDS.keySet().forEach(field -> parts.add(f.field(field, String.class)));
        return f.composite()
                .from(parts.toArray(org.hibernate.search.engine.search.projection.dsl.ProjectionFinalStep<?>[]::new))
                .asList();
    }

    private static BooleanPredicateClausesStep<?, ?> predicate(
            SearchPredicateFactory f, SearchQuery query, String words) {
        BooleanPredicateClausesStep<?, ?> bool = f.bool();
        if (words.isBlank()) {
            bool.must(f.matchAll());
        } else {
            bool.must(f.simpleQueryString()
                    .field("title")
                    .boost(5f)
                    .field("summary")
                    .boost(2f)
                    .fields(BODY_FIELDS)
                    .matching(words)
                    .defaultOperator(BooleanOperator.AND));
        }
        anyOf(f, bool, "kind", query.kinds());
        anyOf(f, bool, "severity", query.severities());
        anyOf(f, bool, "status", query.statuses());
        exactly(f, bool, "service", query.service());
        exactly(f, bool, "team", query.team());
        exactly(f, bool, "factor", query.factor());
        if (query.from() != null || query.to() != null) {
            Instant from = query.from() == null
                    ? null
                    : query.from().atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant to = query.to() == null ? null : endOf(query.to());
            bool.filter(f.range().field("startedAt").between(from, to));
        }
        return bool;
    }

    private static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1);
    }

    private static void anyOf(
            SearchPredicateFactory f, BooleanPredicateClausesStep<?, ?> bool, String field, Set<String> values) {
        if (!values.isEmpty()) {
            bool.filter(f.terms().field(field).matchingAny(values));
        }
    }

    private static void exactly(
            SearchPredicateFactory f, BooleanPredicateClausesStep<?, ?> bool, String field, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            bool.filter(f.match().field(field).matching(value));
        }
    }

    /**
     * Cut each hit's snippet from the first of its texts, in the order of {@link #SNIPPET_FIELDS}, where the query's
     * words occur, with the words marked. The texts come with the hit from the index, and only the texts of the
     * page's hits are read for the query's words, which costs far less than asking the index to highlight every text
     * field of every hit.
     */
    private static List<SearchHit> snippets(List<List<?>> rows, String words) {
        Snippets snippets =
                words.isBlank() ? null : new Snippets(ANALYZER, words, List.copyOf(SNIPPET_FIELDS.keySet()));
        List<SearchHit> hits = new ArrayList<>(rows.size());
        for (List<?> row : rows) {
            Map<String, String> texts = new LinkedHashMap<>();
            int at = 7;
            for (String field : SNIPPET_FIELDS.keySet()) {
                String text = (String) row.get(at++);
                texts.put(field, text == null ? "" : text);
            }
            hits.add(hit(row, texts, snippets));
        }
        return hits;
    }

    private static SearchHit hit(List<?> row, Map<String, String> texts, @Nullable Snippets snippets) {
        if (snippets != null) {
            for (var field : SNIPPET_FIELDS.entrySet()) {
                String text = texts.getOrDefault(field.getKey(), "");
                if (text.isBlank()) {
                    continue;
                }
                String fragment = snippets.fragment(field.getKey(), text);
                if (fragment != null) {
                    String section = field.getKey().equals("sections") ? heading(text, fragment) : field.getValue();
                    return hit(
                            row,
                            fragment.replace(DocumentReader.SECTION_MARK, "").strip(),
                            section);
                }
            }
        }
        String summary = texts.getOrDefault("summary", "");
        String start = summary.length() <= FALLBACK_SNIPPET ? summary : summary.substring(0, FALLBACK_SNIPPET) + "…";
        return hit(row, HtmlUtils.htmlEscape(start), null);
    }

    private static SearchHit hit(List<?> row, String snippet, @Nullable String section) {
        Float score = (Float) row.get(6);
        return new SearchHit(
                (String) row.get(0),
                (Long) row.get(1),
                (String) row.get(2),
                snippet,
                section,
                score == null || score.isNaN() ? 0f : score,
                (String) row.get(3),
                (String) row.get(4),
                (Instant) row.get(5));
    }

    /** Return the heading of the section the fragment was cut from. */
    static @Nullable String heading(@Nullable String sections, String fragment) {
        if (sections == null) {
            return "Sections";
        }
        String plain = HtmlUtils.htmlUnescape(fragment.replace("<mark>", "").replace("</mark>", ""));
        int position = sections.indexOf(plain.strip());
        int mark = sections.lastIndexOf(DocumentReader.SECTION_MARK, position < 0 ? 0 : position);
        if (position < 0 || mark < 0) {
            return "Sections";
        }
        int end = sections.indexOf('\n', mark);
        return sections.substring(mark + DocumentReader.SECTION_MARK.length(), end < 0 ? sections.length() : end);
    }

    /** Let the last word, while it is still being typed, also match as the start of a longer word. */
    static String withPrefix(String text) {
        Matcher last = Pattern.compile("([\\p{L}\\p{N}]+)$").matcher(text);
        if (!last.find() || text.chars().filter(c -> c == '"').count() % 2 == 1) {
            return text;
        }
        String word = last.group(1);
        return text.substring(0, last.start()) + "(" + word + " | " + word + "*)";
    }

    /** Let each plain word of four letters or more match words one or two edits away. */
    static String fuzzy(String text) {
        StringBuilder out = new StringBuilder();
        boolean quoted = false;
        int from = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '"') {
                String part = text.substring(from, i);
                out.append(quoted ? part : fuzzyWords(part));
                if (i < text.length()) {
                    out.append('"');
                }
                quoted = !quoted;
                from = i + 1;
            }
        }
        return out.toString();
    }

    /**
     * Stem each word first, as the index holds stems: a misspelt word is then compared with the stems of the right
     * one ("certficate" as "certfic" with "certif"), which is where the edits are counted.
     */
    private static String fuzzyWords(String part) {
        return BARE_WORD.matcher(part).replaceAll(m -> {
            String stem = stem(m.group(1));
            return stem.isEmpty() ? m.group(1) : stem + (stem.length() >= 5 ? "~2" : "~1");
        });
    }

    private static String stem(String word) {
        try (TokenStream tokens = STEMMER.tokenStream("", word)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            String stem = tokens.incrementToken() ? term.toString() : "";
            tokens.end();
            return stem;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SearchSession session() {
        return Search.session(entityManager);
    }

    private static Map<String, String> snippetFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("sections", "Sections");
        fields.put("summary", "Summary");
        fields.put("impact", "Impact");
        fields.put("timeline", "Timeline");
        fields.put("accounts", "Personal accounts");
        fields.put("whys", "Five whys");
        fields.put("factors", "Contributing factors");
        fields.put("actions", "Action items");
        return fields;
    }
}
