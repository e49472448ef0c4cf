package org.kintsugi.knowledge.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Choose where the index lives before Hibernate starts: Lucene files under {@code ${kintsugi.data-dir}/index} by
 * default, or OpenSearch when {@code kintsugi.search.url} is set, in indexes named after
 * {@code kintsugi.search.index-prefix}. A Lucene index whose files do not pass their checksums is removed here, so
 * Kintsugi starts on an empty one and {@link IndexStartup} rebuilds it.
 */
@Component
public class SearchBackend implements HibernatePropertiesCustomizer {

    /** The index's name, also its folder under the index root. */
    static final String INDEX = "knowledge";

    private static final Logger log = LoggerFactory.getLogger(SearchBackend.class);

    private final Path root;
    private final String url;
    private final String username;
    private final String password;
    private final String indexPrefix;
    private volatile boolean damaged;

    SearchBackend(
            @Value("${kintsugi.data-dir}") String dataDir,
            @Value("${kintsugi.search.url:}") String url,
            @Value("${kintsugi.search.username:}") String username,
            @Value("${kintsugi.search.password:}") String password,
            @Value("${kintsugi.search.index-prefix:}") String indexPrefix) {
        this.root = Path.of(dataDir, "index");
        this.url = url;
        this.username = username;
        this.password = password;
        this.indexPrefix = indexPrefix.strip().toLowerCase(Locale.ROOT);
        if (!this.indexPrefix.matches("[a-z0-9_-]*")) {
            throw new IllegalArgumentException("kintsugi.search.index-prefix may hold only letters, digits, '-' and"
                    + " '_' (it starts the OpenSearch index names), not \"" + indexPrefix + "\"");
        }
    }

    /** Return whether the index is OpenSearch rather than embedded Lucene files. */
    public boolean remote() {
        return StringUtils.hasText(url);
    }

    /** Return whether a damaged Lucene index was found and removed at this start. */
    boolean damagedAtStart() {
        return damaged;
    }

    @Override
    public void customize(Map<String, Object> properties) {
        // Documents are indexed explicitly by DocumentIndexer, inside the listener's transaction, not by Hibernate
        // Search on commit: an index write that happens after commit could be lost with the process.
        properties.put("hibernate.search.indexing.listeners.enabled", "false");
        // Tests on OpenSearch ask for "sync" (each write also refreshed, so it is searchable once acknowledged).
        properties.putIfAbsent("hibernate.search.indexing.plan.synchronization.strategy", "write-sync");
        if (remote()) {
            properties.put("hibernate.search.backend.type", "elasticsearch");
            properties.put("hibernate.search.backend.uris", url);
            if (StringUtils.hasText(username)) {
                properties.put("hibernate.search.backend.username", username);
                properties.put("hibernate.search.backend.password", password);
            }
            properties.put("hibernate.search.backend.analysis.configurer", SearchAnalysis.OnOpenSearch.class.getName());
            properties.putIfAbsent("hibernate.search.schema_management.strategy", "create-or-update");
            properties.put("hibernate.search.backend.layout.strategy", new PrefixedIndexLayout(indexPrefix));
        } else {
            checkLuceneIndex();
            properties.put("hibernate.search.backend.type", "lucene");
            properties.put("hibernate.search.backend.lucene_version", "LATEST");
            properties.put("hibernate.search.backend.directory.root", root.toString());
            properties.put("hibernate.search.backend.analysis.configurer", SearchAnalysis.OnLucene.class.getName());
        }
    }

    /** Verify the index files' checksums; remove the index when they fail, to be rebuilt from the database. */
    private void checkLuceneIndex() {
        Path index = root.resolve(INDEX);
        if (!Files.isDirectory(index)) {
            return;
        }
        try (FSDirectory directory = FSDirectory.open(index);
                CheckIndex check = new CheckIndex(directory)) {
            check.setChecksumsOnly(true);
            check.setInfoStream(null);
            if (check.checkIndex().clean) {
                return;
            }
            log.warn("The search index under {} failed its checks; it is removed and rebuilt from the database", index);
        } catch (IOException | RuntimeException e) {
            log.warn(
                    "The search index under {} cannot be read ({}); it is removed and rebuilt from the database",
                    index,
                    e.toString());
        }
        damaged = true;
        delete(index);
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the damaged search index under " + folder, e);
        }
    }
}
