package org.kintsugi.knowledge.archive.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.knowledge.archive.ImportJobSummary;
import org.kintsugi.knowledge.archive.ImportJobView;
import org.kintsugi.knowledge.archive.ImportedFileView;

/**
 * An archive import as the API answers it: where it stands, the counts, and with {@code files} the report per file.
 *
 * @param state {@code queued}, {@code running} or {@code done}
 * @param total the Markdown files in the upload
 * @param done imported
 * @param failed not imported, each with its {@code error}
 * @param left still waiting
 * @param skipped left out because they are not Markdown (not part of {@code total})
 * @param files each file in upload order, when one import is asked for; absent in lists
 */
record ImportJobJson(
        long id,
        String state,
        int total,
        int done,
        int failed,
        int left,
        int skipped,
        Instant createdAt,
        @Nullable Instant finishedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<FileJson> files) {

    /**
     * One file and what became of it.
     *
     * @param state {@code waiting}, {@code imported}, {@code failed} or {@code skipped}
     * @param postmortemId the postmortem it became, once imported
     * @param incidentKey the incident it became, once imported
     * @param error why it was not imported, in words
     */
    record FileJson(
            String name,
            String state,
            @Nullable Long postmortemId,
            @Nullable String incidentKey,
            @Nullable String error) {

        static FileJson of(ImportedFileView file) {
            return new FileJson(
                    file.name(), file.state().label(), file.postmortemId(), file.incidentKey(), file.error());
        }
    }

    static ImportJobJson of(ImportJobSummary job, @Nullable List<FileJson> files) {
        return new ImportJobJson(
                job.id(),
                job.state().label(),
                job.total(),
                job.done(),
                job.failed(),
                job.left(),
                job.skipped(),
                job.createdAt(),
                job.finishedAt(),
                files);
    }

    static ImportJobJson of(ImportJobView job) {
        return of(job.summary(), job.files().stream().map(FileJson::of).toList());
    }
}
