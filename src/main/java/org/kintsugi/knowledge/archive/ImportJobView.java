package org.kintsugi.knowledge.archive;

import java.util.List;

/** An archive import with the report on each of its files, in the order they were uploaded. */
public record ImportJobView(ImportJobSummary summary, List<ImportedFileView> files) {

    public long id() {
        return summary.id();
    }

    /** Return the files that are Markdown, imported, failed or waiting. */
    public List<ImportedFileView> postmortems() {
        return files.stream().filter(f -> f.state() != FileState.SKIPPED).toList();
    }

    /** Return the files left out because they are not Markdown. */
    public List<ImportedFileView> skipped() {
        return files.stream().filter(f -> f.state() == FileState.SKIPPED).toList();
    }
}
