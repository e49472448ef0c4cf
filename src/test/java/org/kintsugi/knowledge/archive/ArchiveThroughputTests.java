package org.kintsugi.knowledge.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kintsugi.identity.UserView;
import org.kintsugi.postmortem.Author;
import org.kintsugi.postmortem.PostmortemImport;
import org.kintsugi.support.KintsugiAppTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How many of the shared corpus's 75 real postmortems an archive import brings in per second, measured after a
 * warm-up round, beside the same files imported one by one with {@link PostmortemImport} alone: the difference is
 * what the job itself costs per file (taking the file, marking it, the report).
 */
@KintsugiAppTest
class ArchiveThroughputTests {

    static final int ROUNDS = 3;

    @Autowired
    ArchiveImports imports;

    @Autowired
    PostmortemImport importer;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    TestPeople people;

    @Test
    void importsTheWholeCorpusAndSaysHowManyPostmortemsASecond() throws Exception {
        assumeTrue(Files.isDirectory(Archives.SHARED_CORPUS), "The shared corpus is not at " + Archives.SHARED_CORPUS);
        Map<String, byte[]> corpus = Archives.markdown(Archives.SHARED_CORPUS);
        assertThat(corpus).hasSize(75);
        UserView member = people.member();
        Author author = new Author(member.id(), member.displayName());

        double direct = 0;
        double job = 0;
        for (int round = 0; round <= ROUNDS; round++) {
            double directRate = direct(corpus, author);
            double jobRate = job(corpus, author, member);
            // Round 0 warms the JIT and the caches up; it is not counted.
            if (round > 0) {
                direct += directRate / ROUNDS;
                job += jobRate / ROUNDS;
            }
        }
        System.out.printf(
                "Archive import throughput: %.0f postmortems/s through a job, %.0f/s with PostmortemImport alone"
                        + " (75 corpus files, mean of %d rounds after a warm-up)%n",
                job, direct, ROUNDS);
        assertThat(job).isPositive();
    }

    double direct(Map<String, byte[]> corpus, Author author) {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        long start = System.nanoTime();
        for (var file : corpus.entrySet()) {
            transaction.executeWithoutResult(status -> importer.importMarkdown(
                    new String(file.getValue(), StandardCharsets.UTF_8), file.getKey(), author, ZoneOffset.UTC));
        }
        return corpus.size() / ((System.nanoTime() - start) / 1e9);
    }

    double job(Map<String, byte[]> corpus, Author author, UserView member) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>(corpus);
        long start = System.nanoTime();
        ImportJobSummary job = imports.start(Archives.zipUpload("corpus.zip", entries), author, ZoneOffset.UTC);
        var me = org.kintsugi.identity.KintsugiPrincipal.of(member);
        ImportJobSummary progress = job;
        while (!progress.finished()) {
            Thread.sleep(5);
            progress = imports.progress(job.id(), me);
        }
        double rate = corpus.size() / ((System.nanoTime() - start) / 1e9);
        assertThat(progress.done()).as("imported of 75").isEqualTo(75);
        List<ImportedFileView> files = imports.find(job.id(), me).files();
        assertThat(files).allSatisfy(f -> assertThat(f.postmortemId()).isNotNull());
        return rate;
    }
}
