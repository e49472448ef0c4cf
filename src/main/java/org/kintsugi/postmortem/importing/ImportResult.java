package org.kintsugi.postmortem.importing;

import java.util.List;
import org.kintsugi.postmortem.ImportedPostmortem;

/**
 * What importing one Markdown postmortem made.
 *
 * @param matched how many of the document's sections went into a section of the template
 * @param extra how many became sections of their own because their heading matched nothing
 * @param warnings what could not be read, e.g. timeline lines without a readable time
 */
public record ImportResult(
        String incidentKey,
        long postmortemId,
        String title,
        String templateName,
        int matched,
        int extra,
        int events,
        List<String> warnings)
        implements ImportedPostmortem {}
