package org.kintsugi.knowledge.index;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.search.backend.elasticsearch.index.layout.IndexLayoutStrategy;

/**
 * Name the OpenSearch indexes as Hibernate Search's simple layout does ({@code knowledge-000001} behind the aliases
 * {@code knowledge-read} and {@code knowledge-write}), after a prefix, so several Kintsugi installations (or test runs)
 * can share one cluster without sharing an index.
 */
final class PrefixedIndexLayout implements IndexLayoutStrategy {

    private static final Pattern GENERATION = Pattern.compile("(.*)-\\d+");

    private final String prefix;

    PrefixedIndexLayout(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public String createInitialElasticsearchIndexName(String hibernateSearchIndexName) {
        return prefix + hibernateSearchIndexName + "-000001";
    }

    @Override
    public String createWriteAlias(String hibernateSearchIndexName) {
        return prefix + hibernateSearchIndexName + "-write";
    }

    @Override
    public String createReadAlias(String hibernateSearchIndexName) {
        return prefix + hibernateSearchIndexName + "-read";
    }

    @Override
    public String extractUniqueKeyFromHibernateSearchIndexName(String hibernateSearchIndexName) {
        return prefix + hibernateSearchIndexName;
    }

    @Override
    public String extractUniqueKeyFromElasticsearchIndexName(String elasticsearchIndexName) {
        Matcher generation = GENERATION.matcher(elasticsearchIndexName);
        if (!generation.matches()) {
            throw new IllegalArgumentException("The OpenSearch index " + elasticsearchIndexName
                    + " does not end with a generation number such as -000001");
        }
        return generation.group(1);
    }
}
