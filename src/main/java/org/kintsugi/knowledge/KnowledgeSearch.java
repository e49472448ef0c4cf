package org.kintsugi.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.kintsugi.incident.IncidentKind;
import org.kintsugi.incident.IncidentStatus;
import org.kintsugi.incident.Severity;
import org.kintsugi.knowledge.index.DocumentSearch;
import org.kintsugi.knowledge.index.IndexRebuild;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.InvalidInputException;
import org.springframework.stereotype.Service;

/**
 * Find what people wrote about past incidents, in one index over incidents, their postmortems, analysis and action
 * items; and rebuild that index. Every signed-in person reads every incident, so every one of them searches them all;
 * personal accounts are found only once their writers share them.
 */
@Service
public class KnowledgeSearch {

    private static final Set<String> KINDS = codes(IncidentKind.values());
    private static final Set<String> SEVERITIES = codes(Severity.values());
    private static final Set<String> STATUSES = codes(IncidentStatus.values());

    private final DocumentSearch documents;
    private final IndexRebuild rebuild;

    KnowledgeSearch(DocumentSearch documents, IndexRebuild rebuild) {
        this.documents = documents;
        this.rebuild = rebuild;
    }

    /** Search; refused with every problem named by its field when the query is out of bounds. */
    public SearchResults search(SearchQuery query) {
        List<FieldProblem> problems = new ArrayList<>();
        if (query.text().length() > SearchQuery.MAX_TEXT) {
            problems.add(new FieldProblem("q", "must be at most " + SearchQuery.MAX_TEXT + " characters"));
        }
        known("kind", query.kinds(), KINDS, problems);
        known("severity", query.severities(), SEVERITIES, problems);
        known("status", query.statuses(), STATUSES, problems);
        if (query.size() < 1 || query.size() > SearchQuery.MAX_SIZE) {
            problems.add(new FieldProblem("size", "must be between 1 and " + SearchQuery.MAX_SIZE));
        }
        if (query.page() < 1) {
            problems.add(new FieldProblem("page", "must be 1 or more"));
        } else if ((long) query.page() * Math.max(1, query.size()) > SearchQuery.MAX_DEPTH) {
            problems.add(new FieldProblem(
                    "page",
                    "reaches past the page depth limit: results are read at most " + SearchQuery.MAX_DEPTH
                            + " deep (page × size); narrow the search instead"));
        }
        if (query.from() != null && query.to() != null && query.to().isBefore(query.from())) {
            problems.add(new FieldProblem("to", "must not be before from"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return documents.search(query);
    }

    /** Start rebuilding the index in the background; refused (conflict) while a rebuild is at work. */
    public RebuildProgress rebuild() {
        return rebuild.start("started by an administrator");
    }

    /** Return how the latest rebuild went, or is going. */
    public RebuildProgress rebuildProgress() {
        return rebuild.current();
    }

    private static void known(String field, Set<String> values, Set<String> allowed, List<FieldProblem> problems) {
        for (String value : values) {
            if (!allowed.contains(value)) {
                problems.add(new FieldProblem(
                        field, "has no value '" + value + "'; use one of " + String.join(", ", allowed)));
                return;
            }
        }
    }

    private static Set<String> codes(Enum<?>[] values) {
        return Stream.of(values)
                .map(v -> v.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}
