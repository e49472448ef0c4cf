package org.kintsugi.knowledge.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.api.Test;
import org.kintsugi.identity.UserView;
import org.kintsugi.incident.IncidentFixtures;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.incident.IncidentView;
import org.kintsugi.knowledge.KnowledgeSearch;
import org.kintsugi.knowledge.SearchQuery;
import org.kintsugi.support.KintsugiAppTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Nothing is lost when indexing fails before its commit, and an index found missing or damaged is rebuilt. */
@KintsugiAppTest
class IndexRecoveryTests {

    @MockitoSpyBean
    DocumentReader reader;

    @MockitoSpyBean
    DocumentIndexer indexer;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    KnowledgeSearch search;

    @Autowired
    IncompleteEventPublications incomplete;

    @Autowired
    IndexStartup startup;

    @Autowired
    IndexRebuild rebuild;

    @Autowired
    EntityManager entityManager;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    TestPeople people;

    IncidentView declare(String title) {
        Instant start = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        UserView member = people.member();
        return incidents.declare(
                IncidentFixtures.sev2(title, "", "Customers waited.", start, null), member.displayName());
    }

    @Test
    void anIndexingThatFailsBeforeItsCommitIsDeliveredAgainAndTheIncidentIsFound() {
        String word = "zqcrash" + System.nanoTime();
        doThrow(new IllegalStateException("the indexer stopped mid-way"))
                .doCallRealMethod()
                .when(reader)
                .read(anyLong());
        declare(word + " outage");

        // The failed delivery stays in the registry as incomplete; nothing was written to the index or the table.
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> org.mockito.Mockito.verify(reader).read(anyLong()));
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(5))
                .until(() -> search.search(SearchQuery.of(word)).total() == 0);

        // What a restart does (republish-outstanding-events-on-restart): deliver incomplete publications again.
        incomplete.resubmitIncompletePublications(publication -> true);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> search.search(SearchQuery.of(word)).total() == 1);
    }

    @Test
    void anIndexFoundEmptiedIsRebuiltFromTheTable() {
        doCallRealMethod().when(reader).read(anyLong());
        String word = "zqlost" + System.nanoTime();
        declare(word + " outage");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> search.search(SearchQuery.of(word)).total() == 1);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            var workspace = Search.session(entityManager).workspace(KnowledgeDocument.class);
            workspace.purge();
            workspace.refresh(); // OpenSearch shows a purge once refreshed
        });
        assertThat(search.search(SearchQuery.of(word)).total()).isZero();
        await().atMost(Duration.ofSeconds(60)).until(() -> !rebuild.current().running());

        startup.checkIndex();

        await().atMost(Duration.ofSeconds(60))
                .until(() -> search.search(SearchQuery.of(word)).total() == 1);
        assertThat(rebuild.current().reason()).contains("the index held 0 of");
    }

    @Test
    void aRebuildKeepsEveryDocumentFindableWhileItRunsAndRemovesThoseOfDeletedIncidentsLast() throws Exception {
        doCallRealMethod().when(reader).read(anyLong());
        String word = "zqlive" + System.nanoTime();
        for (int i = 0; i < 3; i++) {
            declare(word + " outage " + i);
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> search.search(SearchQuery.of(word)).total() == 3);
        // A document whose incident is gone (say, the database was restored from an older backup): only in the index.
        KnowledgeDocument ghost = new KnowledgeDocument(Long.MAX_VALUE - System.nanoTime() % 1000);
        ghost.refresh(ghostContent(word), Instant.now());
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            var plan = Search.session(entityManager).indexingPlan();
            plan.addOrUpdate(ghost);
            plan.execute();
        });
        await().atMost(Duration.ofSeconds(20))
                .until(() -> search.search(SearchQuery.of(word)).total() == 4);
        await().atMost(Duration.ofSeconds(60)).until(() -> !rebuild.current().running());

        // The rebuild stops before its first batch until the test has searched.
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        doAnswer(call -> {
                    reading.countDown();
                    goOn.await(30, TimeUnit.SECONDS);
                    return call.callRealMethod();
                })
                .doCallRealMethod()
                .when(indexer)
                .exclusively(any());
        try {
            rebuild.start("a test");
            assertThat(reading.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(rebuild.current().running()).isTrue();
            assertThat(rebuild.current().step()).isEqualTo(IndexRebuild.INDEXING);
            assertThat(search.search(SearchQuery.of(word)).total()).isEqualTo(4);
        } finally {
            goOn.countDown();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> !rebuild.current().running());

        assertThat(rebuild.current().failure()).isNull();
        assertThat(rebuild.current().step()).contains("1 of deleted incidents removed");
        assertThat(search.search(SearchQuery.of(word)).total()).isEqualTo(3);
    }

    private static DocumentContent ghostContent(String word) {
        Instant started = Instant.now().minus(3, ChronoUnit.DAYS);
        return new DocumentContent(
                "INC-GHOST",
                null,
                word + " ghost",
                "",
                "",
                "system",
                "SEV3",
                "resolved",
                null,
                List.of(),
                List.of(),
                List.of(),
                started,
                null,
                null,
                "",
                "",
                "",
                "",
                "",
                "");
    }

    @Test
    void aDamagedIndexIsRemovedBeforeHibernateStarts(@org.junit.jupiter.api.io.TempDir Path dataDir)
            throws IOException {
        Path index = dataDir.resolve("index").resolve(SearchBackend.INDEX);
        copyIndexInto(index);
        try (Stream<Path> files = Files.list(index)) {
            Path segment = files.filter(f -> f.getFileName().toString().endsWith(".cfs")
                            || f.getFileName().toString().endsWith(".fdt"))
                    .findFirst()
                    .orElseThrow();
            byte[] bytes = Files.readAllBytes(segment);
            bytes[bytes.length / 2] ^= 0x5a;
            Files.write(segment, bytes);
        }
        SearchBackend backend = new SearchBackend(dataDir.toString(), "", "", "", "");
        Map<String, Object> properties = new HashMap<>();
        backend.customize(properties);

        assertThat(backend.damagedAtStart()).isTrue();
        assertThat(index).doesNotExist();
        assertThat(properties).containsEntry("hibernate.search.backend.type", "lucene");
    }

    /** Write a small real Lucene index with the index's own analysis, as Kintsugi leaves one. */
    private static void copyIndexInto(Path index) throws IOException {
        Files.createDirectories(index);
        try (var directory = org.apache.lucene.store.FSDirectory.open(index);
                var writer = new org.apache.lucene.index.IndexWriter(
                        directory,
                        new org.apache.lucene.index.IndexWriterConfig(
                                        new org.apache.lucene.analysis.standard.StandardAnalyzer())
                                .setUseCompoundFile(false))) {
            for (int i = 0; i < 50; i++) {
                var doc = new org.apache.lucene.document.Document();
                doc.add(new org.apache.lucene.document.TextField(
                        "title", "The database failed over " + i, org.apache.lucene.document.Field.Store.YES));
                writer.addDocument(doc);
            }
            writer.commit();
        }
    }
}
