package org.kintsugi.knowledge.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.search.highlight.SimpleSpanFragmenter;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.jspecify.annotations.Nullable;

/**
 * Cut the snippet of one text field for a query: the fragment of about {@link #SIZE} characters that holds the most
 * of the query's words, with the words marked, or nothing when the text holds none of them.
 *
 * <p>The fragment is the one Lucene's classic highlighter (a {@link QueryScorer} with a {@link SimpleSpanFragmenter})
 * would cut, character for character, but for plain words it is found in a single pass of the analyzer over the text:
 * the classic highlighter costs about three such passes per text, and it was two thirds of a search's time (issue 13).
 * Phrases, prefixes and words spelled alike still go through the classic highlighter, and only for a text the
 * single pass found one of their words in.
 */
final class Snippets {

    /** The length a fragment is cut at, in characters. */
    static final int SIZE = 180;

    /** Text a snippet is looked for in, per field: enough for any section people write, bounded for the rest. */
    static final int MAX_CHARS = 100_000;

    private final Analyzer analyzer;
    private final Map<String, Words> fields = new HashMap<>();
    private final Map<String, Highlighter> highlighters = new HashMap<>();
    private final Query query;

    /** Read the query's words as the index does, with the same syntax and analysis, for each of these fields. */
    Snippets(Analyzer analyzer, String words, List<String> fields) {
        this.analyzer = analyzer;
        Map<String, Float> weights = new HashMap<>();
        fields.forEach(field -> weights.put(field, 1f));
        SimpleQueryParser parser = new SimpleQueryParser(analyzer, weights);
        parser.setDefaultOperator(BooleanClause.Occur.MUST);
        this.query = parser.parse(words);
        for (String field : fields) {
            Words found = new Words(field);
            query.visit(found);
            this.fields.put(field, found);
        }
    }

    /** Return the marked fragment of the field's text where the query's words occur most, or null if none does. */
    @Nullable
    String fragment(String field, String text) {
        Words words = fields.get(field);
        if (words == null || words.none()) {
            return null;
        }
        try {
            return words.plain ? cut(words, field, text) : classic(words, field, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Cut the fragment as {@link Highlighter#getBestFragment} would: a new fragment starts at a word ending at or past
     * the next multiple of {@link #SIZE} characters (unless the text ends within half of that), a fragment scores
     * the number of different query words in it, and the best one wins, the earliest among equals.
     */
    private @Nullable String cut(Words words, String field, String text) throws IOException {
        Fragment current = new Fragment(0);
        Fragment best = null;
        int fragments = 1;
        int lastEnd = 0;
        boolean first = true;
        try (TokenStream tokens = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                if (offset.startOffset() >= MAX_CHARS) {
                    break;
                }
                int end = offset.endOffset();
                if (!first && end >= SIZE * fragments && text.length() - end >= SIZE >>> 1) {
                    fragments++;
                    current.end = lastEnd;
                    best = better(best, current);
                    if (best != null && best.found.size() == words.terms.size()) {
                        // No later fragment can hold more of the query's words, and the earlier one wins a tie.
                        break;
                    }
                    current = new Fragment(lastEnd);
                }
                first = false;
                String word = term.toString();
                if (words.terms.contains(word)) {
                    current.found.add(word);
                    current.marks.add(new int[] {offset.startOffset(), end});
                }
                lastEnd = Math.max(lastEnd, end);
            }
            tokens.end();
        }
        if (current.end < 0) {
            current.end = text.length() <= MAX_CHARS ? text.length() : lastEnd;
            best = better(best, current);
        }
        return best == null ? null : best.render(text);
    }

    private static @Nullable Fragment better(@Nullable Fragment best, Fragment candidate) {
        if (candidate.found.isEmpty()) {
            return best;
        }
        return best == null || candidate.found.size() > best.found.size() ? candidate : best;
    }

    /**
     * Run the classic highlighter, for queries with phrases, prefixes or words spelled alike, on a text one of whose
     * words could match: a text with none of them would give no fragment anyway.
     */
    private @Nullable String classic(Words words, String field, String text) throws IOException {
        if (!words.unknown && !holdsAny(words, field, text)) {
            return null;
        }
        Highlighter highlighter = highlighters.computeIfAbsent(field, this::highlighter);
        try {
            String fragment = highlighter.getBestFragment(analyzer, field, text);
            return fragment == null || !fragment.contains("<mark>") ? null : fragment;
        } catch (InvalidTokenOffsetsException e) {
            return null;
        }
    }

    private Highlighter highlighter(String field) {
        QueryScorer scorer = new QueryScorer(query, field);
        Highlighter highlighter =
                new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), scorer);
        highlighter.setTextFragmenter(new SimpleSpanFragmenter(scorer, SIZE));
        highlighter.setMaxDocCharsToAnalyze(MAX_CHARS);
        return highlighter;
    }

    private boolean holdsAny(Words words, String field, String text) throws IOException {
        try (TokenStream tokens = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
            tokens.reset();
            boolean found = false;
            while (!found && tokens.incrementToken() && offset.startOffset() < MAX_CHARS) {
                found = words.matches(term.toString());
            }
            tokens.end();
            return found;
        }
    }

    /** A fragment being cut: where it starts and ends in the text, and the query's words found in it. */
    private static final class Fragment {
        final int start;
        int end = -1;
        final Set<String> found = new HashSet<>();
        final List<int[]> marks = new java.util.ArrayList<>();

        Fragment(int start) {
            this.start = start;
        }

        /** Return the fragment's text, HTML-escaped as the classic highlighter does, with each query word marked. */
        String render(String text) {
            StringBuilder out = new StringBuilder(end - start + marks.size() * 13);
            int at = start;
            for (int[] mark : marks) {
                out.append(SimpleHTMLEncoder.htmlEncode(text.substring(at, mark[0])))
                        .append("<mark>")
                        .append(SimpleHTMLEncoder.htmlEncode(text.substring(mark[0], mark[1])))
                        .append("</mark>");
                at = mark[1];
            }
            return out.append(SimpleHTMLEncoder.htmlEncode(text.substring(at, end)))
                    .toString();
        }
    }

    /**
     * The query's words for one field, as the classic highlighter reads them: every clause but those that leave
     * words out. Plain when every word is a single term, so a word of the text either is one of them or is not.
     */
    private static final class Words extends QueryVisitor {
        private final String field;
        final Set<String> terms = new HashSet<>();
        final List<ByteRunAutomaton> automata = new java.util.ArrayList<>();
        boolean plain = true;
        boolean unknown;

        Words(String field) {
            this.field = field;
        }

        boolean none() {
            return terms.isEmpty() && automata.isEmpty() && !unknown;
        }

        boolean matches(String word) {
            if (terms.contains(word)) {
                return true;
            }
            if (automata.isEmpty()) {
                return false;
            }
            BytesRef bytes = new BytesRef(word);
            for (ByteRunAutomaton automaton : automata) {
                if (automaton.run(bytes.bytes, bytes.offset, bytes.length)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean acceptField(String name) {
            return field.equals(name);
        }

        @Override
        public void consumeTerms(Query query, Term... found) {
            if (!(query instanceof TermQuery)) {
                plain = false;
            }
            for (Term term : found) {
                terms.add(term.text());
            }
        }

        @Override
        public void consumeTermsMatching(Query query, String name, Supplier<ByteRunAutomaton> automaton) {
            plain = false;
            automata.add(automaton.get());
        }

        @Override
        public void visitLeaf(Query query) {
            plain = false;
            unknown = true;
        }

        @Override
        public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            return occur == BooleanClause.Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
        }
    }
}
