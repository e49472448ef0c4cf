package org.kintsugi.knowledge.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.search.highlight.SimpleSpanFragmenter;
import org.junit.jupiter.api.Test;

class SnippetsTests {

    private static final Analyzer ENGLISH = SearchAnalysis.inProcess(true);
    private static final String FIELD = "sections";

    private static final String[] WORDS = {
        "the",
        "database",
        "databases",
        "failover",
        "failed",
        "over",
        "certificate",
        "certificates",
        "expired",
        "dns",
        "DNS",
        "outage",
        "outages",
        "node",
        "nodes",
        "pool",
        "upgrade",
        "we",
        "rolled",
        "back",
        "release",
        "Kubernetes'",
        "team's",
        "<script>",
        "&",
        "\"quoted\"",
        "café",
        "—",
        "502",
        "log4shell",
        "e-mail",
        "a",
        "of",
        "redis",
        "latency",
        "timeout",
        "timeouts",
        "connection",
        "exhausted",
        "peak",
        "traffic",
        "§",
        "\n",
        "\n\n",
        ".",
        ",",
        ":",
        "-"
    };

    private static final List<String> QUERIES = List.of(
            "dns",
            "certificate",
            "expired certificate",
            "database connections exhausted during peak traffic",
            "node pool upgrade",
            "redis latency timeout",
            "who rolled back the bad release",
            "cafe",
            "502",
            "\"expired certificate\"",
            "certif*",
            "(node | node*)",
            "databse~2 falover~1",
            "dns -redis",
            "dns | redis",
            "the",
            "nothing-here");

    @Test
    void cutsTheFragmentTheClassicHighlighterCuts() throws Exception {
        Random random = new Random(13);
        List<String> texts = new ArrayList<>();
        for (int length : new int[] {0, 20, 60, 120, 200, 260, 400, 1_000, 5_000, 20_000}) {
            for (int i = 0; i < 25; i++) {
                texts.add(text(random, length));
            }
        }
        texts.add(text(random, Snippets.MAX_CHARS + 5_000));
        for (String words : QUERIES) {
            Snippets snippets = new Snippets(ENGLISH, words, List.of(FIELD, "summary"));
            Highlighter classic = classic(words);
            for (String text : texts) {
                String expected = classic.getBestFragment(ENGLISH, FIELD, text);
                if (expected != null && !expected.contains("<mark>")) {
                    expected = null;
                }
                assertThat(snippets.fragment(FIELD, text))
                        .as("\"%s\" in a text of %d characters", words, text.length())
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void marksTheQueryWordsInTheirEscapedText() {
        Snippets snippets = new Snippets(ENGLISH, "expired certificates", List.of(FIELD));

        String fragment = snippets.fragment(FIELD, "At 09:00 the <b>Certificate</b> had expired & nobody knew.");

        assertThat(fragment)
                .isEqualTo("At 09:00 the &lt;b&gt;<mark>Certificate</mark>&lt;&#x2F;b&gt; had <mark>expired</mark>"
                        + " &amp; nobody knew.");
    }

    @Test
    void findsNothingInATextWithoutTheQueryWords() {
        Snippets snippets = new Snippets(ENGLISH, "certificate", List.of(FIELD));

        assertThat(snippets.fragment(FIELD, "The database failed over at noon."))
                .isNull();
        assertThat(snippets.fragment("unknown", "The certificate expired.")).isNull();
    }

    private static Highlighter classic(String words) {
        SimpleQueryParser parser = new SimpleQueryParser(ENGLISH, Map.of(FIELD, 1f, "summary", 1f));
        parser.setDefaultOperator(BooleanClause.Occur.MUST);
        QueryScorer scorer = new QueryScorer(parser.parse(words), FIELD);
        Highlighter highlighter =
                new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), scorer);
        highlighter.setTextFragmenter(new SimpleSpanFragmenter(scorer, Snippets.SIZE));
        highlighter.setMaxDocCharsToAnalyze(Snippets.MAX_CHARS);
        return highlighter;
    }

    private static String text(Random random, int length) {
        StringBuilder text = new StringBuilder(length + 20);
        while (text.length() < length) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(5) == 0 ? "  " : " ");
        }
        return text.toString();
    }
}
