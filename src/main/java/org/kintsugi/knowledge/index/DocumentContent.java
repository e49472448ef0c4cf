package org.kintsugi.knowledge.index;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What one incident's search document says, read from the modules that own it. */
record DocumentContent(
        String incidentKey,
        @Nullable Long postmortemId,
        String title,
        String summary,
        String impact,
        String kind,
        String severity,
        String status,
        @Nullable String postmortemStatus,
        List<String> services,
        List<String> teams,
        List<String> factorCategories,
        Instant startedAt,
        @Nullable Instant resolvedAt,
        @Nullable Instant publishedAt,
        String sections,
        String timeline,
        String accounts,
        String whys,
        String factors,
        String actions) {}
