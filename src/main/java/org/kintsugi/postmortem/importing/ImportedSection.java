package org.kintsugi.postmortem.importing;

import org.jspecify.annotations.Nullable;

/**
 * One section of an imported postmortem.
 *
 * @param heading the heading as a person reads it, without Markdown marks
 * @param body the original Markdown between this heading and the next, blank lines trimmed at both ends
 * @param meaning what the heading means, as {@link SectionMeanings#of(String)} tells, or null when not known
 */
public record ImportedSection(
        String heading, String body, @Nullable String meaning) {}
