package org.kintsugi.knowledge.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * The English analysis of every text field, the same on Lucene and on OpenSearch: words split on Unicode rules,
 * possessives and accents dropped, lower case, English stop words removed, and each word reduced to its stem
 * (Porter), so "outages" finds "outage" and "the database was failing" finds "database failure".
 */
public final class SearchAnalysis {

    public static final String ENGLISH = "english";

    private SearchAnalysis() {}

    /**
     * Return the same English analysis as a Lucene analyzer to run in-process, on words that never reach the index:
     * a misspelt word stemmed before a fuzzy match (without stop words), or the words of an incident counted for
     * "another one of those" (with them).
     */
    public static Analyzer inProcess(boolean stopWords) {
        try {
            CustomAnalyzer.Builder builder = CustomAnalyzer.builder()
                    .withTokenizer("standard")
                    .addTokenFilter("englishPossessive")
                    .addTokenFilter("lowercase")
                    .addTokenFilter("asciiFolding");
            if (stopWords) {
                builder.addTokenFilter("stop");
            }
            return builder.addTokenFilter("porterStem").build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Register the analyzer with the embedded Lucene backend. */
    public static final class OnLucene implements LuceneAnalysisConfigurer {
        @Override
        public void configure(LuceneAnalysisConfigurationContext context) {
            context.analyzer(ENGLISH)
                    .custom()
                    .tokenizer("standard")
                    .tokenFilter("englishPossessive")
                    .tokenFilter("lowercase")
                    .tokenFilter("asciiFolding")
                    .tokenFilter("stop")
                    .tokenFilter("porterStem");
        }
    }

    /** Register the same analyzer with OpenSearch (the Elasticsearch backend). */
    public static final class OnOpenSearch implements ElasticsearchAnalysisConfigurer {
        @Override
        public void configure(ElasticsearchAnalysisConfigurationContext context) {
            context.tokenFilter("kintsugi_possessive").type("stemmer").param("language", "possessive_english");
            context.tokenFilter("kintsugi_stop").type("stop").param("stopwords", "_english_");
            context.analyzer(ENGLISH)
                    .custom()
                    .tokenizer("standard")
                    .tokenFilters("kintsugi_possessive", "lowercase", "asciifolding", "kintsugi_stop", "porter_stem");
        }
    }
}
