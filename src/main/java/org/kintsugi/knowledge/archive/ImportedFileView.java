package org.kintsugi.knowledge.archive;

import org.jspecify.annotations.Nullable;

/**
 * One file of an archive import and what became of it.
 *
 * @param postmortemId the postmortem it became, once imported
 * @param incidentKey the incident it became, once imported
 * @param title the incident's title, once imported
 * @param error why it was not imported or was left out, in words
 */
public record ImportedFileView(
        String name,
        FileState state,
        @Nullable Long postmortemId,
        @Nullable String incidentKey,
        @Nullable String title,
        @Nullable String error) {}
