package org.kintsugi.knowledge.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.postmortem.Author;
import org.kintsugi.shared.LimitExceededException;
import org.kintsugi.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bring an archive of old postmortems in: the upload is checked against {@link ArchiveLimits} and stored — every
 * file's text in the database — before it is acknowledged, then imported in the background, each file becoming an
 * incident with its postmortem or failing on its own with the reason. A job is seen by the person who started it
 * and by administrators; to anyone else it does not exist.
 */
@Service
public class ArchiveImports {

    /** How many of a person's latest imports their list shows. */
    static final int LISTED = 50;

    private final ImportJobs jobs;
    private final ImportRunner runner;
    private final ArchiveLimits limits;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ArchiveImports(
            ImportJobs jobs,
            ImportRunner runner,
            ArchiveLimits limits,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.jobs = jobs;
        this.runner = runner;
        this.limits = limits;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Store the upload's files as a new import and queue it; return it as stored, before any file is imported. */
    public ImportJobSummary start(List<Upload> uploads, Author owner, ZoneId zone) {
        int unfinished = jobs.unfinishedOf(owner.id());
        if (unfinished >= limits.importJobsPerPerson()) {
            throw new LimitExceededException(
                    LimitExceededException.Kind.BUSY,
                    ArchiveReader.FIELD,
                    "import-jobs-per-person",
                    limits.importJobsPerPerson(),
                    "You have " + unfinished + " imports still running; start another once one has finished");
        }
        List<IncomingFile> files;
        try {
            files = ArchiveReader.read(uploads, limits);
        } catch (IOException e) {
            throw new UncheckedIOException("The upload could not be read", e);
        }
        Long id = transactions.execute(status -> jobs.add(owner, zone, files, clock.instant()));
        runner.submit(id);
        return jobs.summary(id).orElseThrow();
    }

    /** Return the import with the report on each file, if this person may see it. */
    public ImportJobView find(long id, KintsugiPrincipal me) {
        ImportJobView job = jobs.view(id).orElseThrow(() -> missing(id));
        return visible(job.summary(), me) ? job : hidden(id);
    }

    /** Return how far the import got, without its files, if this person may see it. */
    public ImportJobSummary progress(long id, KintsugiPrincipal me) {
        ImportJobSummary job = jobs.summary(id).orElseThrow(() -> missing(id));
        return visible(job, me) ? job : hidden(id);
    }

    /** Return the person's latest imports, newest first. */
    public List<ImportJobSummary> of(KintsugiPrincipal me) {
        return jobs.of(me.id(), LISTED);
    }

    private static boolean visible(ImportJobSummary job, KintsugiPrincipal me) {
        return job.ownerId() == me.id() || me.isAdmin();
    }

    private static <T> T hidden(long id) {
        throw missing(id);
    }

    private static NotFoundException missing(long id) {
        return new NotFoundException("There is no archive import " + id + ".");
    }
}
