package org.kintsugi.knowledge.index;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.kintsugi.action.ActionManagement;
import org.kintsugi.analysis.AnalysisText;
import org.kintsugi.analysis.PostmortemAnalysis;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.incident.IncidentView;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.postmortem.PostmortemTimeline;
import org.kintsugi.postmortem.PostmortemView;
import org.kintsugi.postmortem.TimelineItem;
import org.kintsugi.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Read everything people wrote about one incident through the owning modules' APIs and flatten it into one text per
 * field. Only what every reader of the postmortem may read goes in: shared accounts, never drafts.
 */
@Component
class DocumentReader {

    /** Starts each section's block in the flattened sections, so a match can be traced back to its section. */
    static final String SECTION_MARK = org.kintsugi.knowledge.similar.Passages.SECTION_MARK;

    private static final int MAX_TAGS = 4000;

    private final IncidentManagement incidents;
    private final PostmortemManagement postmortems;
    private final PostmortemTimeline timelines;
    private final PostmortemAnalysis analysis;
    private final ActionManagement actions;

    DocumentReader(
            IncidentManagement incidents,
            PostmortemManagement postmortems,
            PostmortemTimeline timelines,
            PostmortemAnalysis analysis,
            ActionManagement actions) {
        this.incidents = incidents;
        this.postmortems = postmortems;
        this.timelines = timelines;
        this.analysis = analysis;
        this.actions = actions;
    }

    /** Return the incident's content, or nothing when the incident no longer exists. */
    Optional<DocumentContent> read(long incidentId) {
        IncidentView incident;
        try {
            incident = incidents.find(incidentId);
        } catch (NotFoundException gone) {
            return Optional.empty();
        }
        Optional<PostmortemView> postmortem = postmortems.forIncident(incidentId);
        String sections = postmortem.map(DocumentReader::sections).orElse("");
        String timeline = postmortem.map(p -> timeline(p.id())).orElse("");
        AnalysisText text =
                postmortem.map(p -> analysis.text(p.id())).orElse(new AnalysisText(List.of(), List.of(), List.of()));
        String actionText = postmortem.map(p -> actions(p.id())).orElse("");
        return Optional.of(new DocumentContent(
                incident.key(),
                postmortem.map(PostmortemView::id).orElse(null),
                incident.title(),
                incident.summary(),
                incident.impact(),
                incident.kind().name().toLowerCase(java.util.Locale.ROOT),
                incident.severity().name().toLowerCase(java.util.Locale.ROOT),
                incident.status().name().toLowerCase(java.util.Locale.ROOT),
                postmortem.map(p -> p.status().code()).orElse(null),
                capped(incident.services()),
                capped(incident.teams()),
                capped(text.factors().stream()
                        .map(AnalysisText.Factor::category)
                        .collect(Collectors.toCollection(LinkedHashSet::new))),
                incident.lifecycle().startedAt(),
                incident.lifecycle().resolvedAt(),
                postmortem.map(PostmortemView::publishedAt).orElse(null),
                sections,
                timeline,
                String.join("\n\n", text.accounts()),
                String.join("\n\n", text.whys()),
                text.factors().stream()
                        .map(f -> f.statement() + (f.note().isBlank() ? "" : " — " + f.note()))
                        .collect(Collectors.joining("\n\n")),
                actionText));
    }

    private static String sections(PostmortemView postmortem) {
        return postmortem.sections().stream()
                .filter(s -> !s.empty())
                .map(s -> SECTION_MARK + s.heading() + "\n" + s.body())
                .collect(Collectors.joining("\n\n"));
    }

    private String timeline(long postmortemId) {
        return timelines.timeline(postmortemId).stream()
                .filter(TimelineItem::editable)
                .map(TimelineItem::description)
                .collect(Collectors.joining("\n\n"));
    }

    private String actions(long postmortemId) {
        return actions.forPostmortem(postmortemId).stream()
                .map(a -> a.title() + " (" + a.status().name().toLowerCase(java.util.Locale.ROOT) + ")")
                .collect(Collectors.joining("\n\n"));
    }

    /** Keep the names that fit in their column, in order; names are short, so this only guards the column. */
    private static List<String> capped(java.util.Collection<String> names) {
        List<String> kept = new ArrayList<>();
        int length = 0;
        for (String name : names) {
            String clean = name.replace(KnowledgeDocument.SEPARATOR, " ").strip();
            if (clean.isEmpty() || kept.contains(clean)) {
                continue;
            }
            length += clean.length() + 1;
            if (length > MAX_TAGS) {
                break;
            }
            kept.add(clean);
        }
        return kept;
    }
}
