package org.kintsugi.knowledge.archive;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Clock;
import java.util.Optional;
import org.kintsugi.knowledge.archive.ImportJobs.Job;
import org.kintsugi.knowledge.archive.ImportJobs.Waiting;
import org.kintsugi.postmortem.ImportedPostmortem;
import org.kintsugi.postmortem.PostmortemImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Import one waiting file. The file is marked imported in the same transaction that creates its incident and
 * postmortem, so a crash at any moment leaves it either imported once or still waiting, never imported twice.
 */
@Component
class FileImport {

    private static final Logger log = LoggerFactory.getLogger(FileImport.class);

    private final ImportJobs jobs;
    private final PostmortemImport importer;
    private final TransactionTemplate transactions;
    private final Clock clock;

    FileImport(ImportJobs jobs, PostmortemImport importer, PlatformTransactionManager transactions, Clock clock) {
        this.jobs = jobs;
        this.importer = importer;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Import the file, or record why it cannot be; a failure of the database itself is thrown, leaving the file
     * waiting for the next run.
     */
    void importOne(Job job, Waiting file) {
        try {
            transactions.executeWithoutResult(status -> {
                Optional<String> text = jobs.take(file.id(), clock.instant());
                if (text.isPresent()) {
                    ImportedPostmortem made = importer.importMarkdown(text.get(), file.name(), job.owner(), job.zone());
                    jobs.imported(file.id(), made.postmortemId(), made.incidentKey(), made.title());
                }
            });
        } catch (RuntimeException e) {
            if (databaseFailed(e)) {
                throw e;
            }
            String reason = Reasons.of(e);
            if (!Reasons.known(e)) {
                log.warn("Archive import {}: {} could not be imported", job.id(), file.name(), e);
            }
            transactions.executeWithoutResult(status -> jobs.failed(file.id(), reason, clock.instant()));
        }
    }

    /** Return whether the database, not the file, failed: then the file waits and is tried again later. */
    static boolean databaseFailed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TransientDataAccessException
                    || t instanceof RecoverableDataAccessException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
        }
        return false;
    }
}
