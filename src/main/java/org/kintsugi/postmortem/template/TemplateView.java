package org.kintsugi.postmortem.template;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A template as readers see it.
 *
 * @param builtin the name of the built-in template this one started as, or {@code null} for one an admin made
 */
public record TemplateView(
        long id,
        String name,
        String description,
        int position,
        boolean retired,
        @Nullable String builtin,
        List<SectionDefinition> sections,
        long version) {}
