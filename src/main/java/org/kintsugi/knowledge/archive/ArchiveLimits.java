package org.kintsugi.knowledge.archive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much one archive upload may bring in ({@code kintsugi.limits.archive-*}), so a zip bomb or a huge upload is
 * refused before it costs memory, disk or time; and how many unfinished imports one person may have.
 *
 * @param archiveUpload bytes of one upload request, the zip or all the files together
 * @param archiveSize bytes the upload's files may have once unpacked, all together
 * @param archiveFiles files one upload may hold (Markdown or not; directories and hidden files are not counted)
 * @param archiveFileSize bytes one file may have once unpacked
 * @param archiveEntries entries of every kind a zip may list, directories included
 * @param importJobsPerPerson imports one person may have queued or running at once
 */
@ConfigurationProperties("kintsugi.limits")
public record ArchiveLimits(
        @DefaultValue("32MB") DataSize archiveUpload,
        @DefaultValue("64MB") DataSize archiveSize,
        @DefaultValue("2000") int archiveFiles,
        @DefaultValue("1000000") int archiveFileSize,
        @DefaultValue("10000") int archiveEntries,
        @DefaultValue("3") int importJobsPerPerson) {}
