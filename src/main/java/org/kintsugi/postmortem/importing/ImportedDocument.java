package org.kintsugi.postmortem.importing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A postmortem read from Markdown: its title, the front matter as written, every section with its original text, the
 * moments its timeline gives, and what could not be read.
 *
 * @param frontMatter the YAML front matter, values as SnakeYAML reads them except dates, which stay text
 * @param warnings one sentence per entry left off the timeline, naming its line
 */
public record ImportedDocument(
        String title,
        Map<String, @Nullable Object> frontMatter,
        List<ImportedSection> sections,
        List<ImportedEvent> timeline,
        List<String> warnings) {

    public ImportedDocument {
        frontMatter = Collections.unmodifiableMap(new LinkedHashMap<>(frontMatter));
        sections = List.copyOf(sections);
        timeline = List.copyOf(timeline);
        warnings = List.copyOf(warnings);
    }
}
