package org.kintsugi.shared;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much one request may ask of the server and how much one postmortem may hold ({@code kintsugi.limits.*}). Each
 * bound is chosen so that a document at every limit still renders quickly, as a page and as a PDF (README,
 * Limits).
 *
 * @param timelineEvents events people add to one postmortem's timeline, pasted ones included
 * @param timelinePage events the postmortem page shows at once; the rest are a click away
 * @param transcriptLines lines one pasted chat transcript may have
 * @param transcriptSize characters one pasted chat transcript may have
 * @param sectionLength characters one section may have
 * @param accountEntries entries one personal account may have
 * @param actionItems action items one postmortem may have, sub-steps and follow-ups included
 * @param factors contributing factors written directly on one postmortem (those marked on why-answers are bounded by
 *     the answers)
 * @param requestBody bytes any request body may have
 * @param jsonDepth how deeply JSON objects and arrays may nest
 * @param exportsPerPerson exports one person may have running at once
 * @param exportsAtOnce exports rendering at once across everyone
 * @param exportDeadline how long an export may render before it is stopped
 * @param pdfSize characters of HTML a PDF is drawn from
 * @param coachText characters of text one request may have the language coach review (the API and the panels beside
 *     text boxes); as long as the longest section by default, so any text people can save can be reviewed as typed
 * @param coachSentences sentences one such request may have the coach weigh with its language model (those that name
 *     a person or use a word a rule knows: each is embedded, the costly part of a review)
 */
@ConfigurationProperties("kintsugi.limits")
public record Limits(
        @DefaultValue("5000") int timelineEvents,
        @DefaultValue("200") int timelinePage,
        @DefaultValue("5000") int transcriptLines,
        @DefaultValue("500000") int transcriptSize,
        @DefaultValue("100000") int sectionLength,
        @DefaultValue("500") int accountEntries,
        @DefaultValue("500") int actionItems,
        @DefaultValue("200") int factors,
        @DefaultValue("4MB") DataSize requestBody,
        @DefaultValue("64") int jsonDepth,
        @DefaultValue("2") int exportsPerPerson,
        @DefaultValue("2") int exportsAtOnce,
        @DefaultValue("30s") Duration exportDeadline,
        @DefaultValue("2000000") int pdfSize,
        @DefaultValue("100000") int coachText,
        @DefaultValue("200") int coachSentences) {

    /** Return the name of a setting as people write it, e.g. {@code kintsugi.limits.timeline-events}. */
    public static String setting(String name) {
        return "kintsugi.limits." + name;
    }
}
