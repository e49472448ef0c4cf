package org.kintsugi.postmortem;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kintsugi.incident.IncidentDetails;
import org.kintsugi.incident.IncidentKind;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.incident.IncidentView;
import org.kintsugi.incident.Severity;
import org.kintsugi.postmortem.importing.ImportResult;
import org.kintsugi.postmortem.importing.ImportedDocument;
import org.kintsugi.postmortem.importing.ImportedEvent;
import org.kintsugi.postmortem.importing.ImportedSection;
import org.kintsugi.postmortem.importing.KindGuess;
import org.kintsugi.postmortem.importing.MarkdownImport;
import org.kintsugi.postmortem.importing.SectionMeanings;
import org.kintsugi.postmortem.template.SectionDefinition;
import org.kintsugi.postmortem.template.TemplateCatalogue;
import org.kintsugi.postmortem.template.TemplateDraft;
import org.kintsugi.postmortem.template.TemplateView;
import org.kintsugi.postmortem.timeline.TimelineEntry;
import org.kintsugi.postmortem.timeline.TimelineEvent;
import org.kintsugi.postmortem.timeline.TimelineEvents;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.LimitExceededException;
import org.kintsugi.shared.Limits;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Create an incident and its postmortem from one postmortem written in Markdown. Sections go to the template's
 * section of the same meaning; a heading that matches nothing becomes a section of its own, so no text is dropped.
 */
@Service
@Transactional
public class PostmortemImport {

    private static final int MAX_BYTES = 1_000_000;

    private final IncidentManagement incidents;
    private final PostmortemManagement postmortems;
    private final TemplateCatalogue templates;
    private final TimelineEvents events;
    private final Clock clock;
    private final Limits limits;

    PostmortemImport(
            IncidentManagement incidents,
            PostmortemManagement postmortems,
            TemplateCatalogue templates,
            TimelineEvents events,
            Clock clock,
            Limits limits) {
        this.incidents = incidents;
        this.postmortems = postmortems;
        this.templates = templates;
        this.events = events;
        this.clock = clock;
        this.limits = limits;
    }

    /** Import one document; {@code fileName} gives a title and a date when the document has neither. */
    public ImportResult importMarkdown(String markdown, String fileName, Author owner, ZoneId zone) {
        if (markdown.isBlank()) {
            throw new InvalidInputException("markdown", "is empty: there is nothing to import");
        }
        if (markdown.length() > MAX_BYTES) {
            throw new InvalidInputException("markdown", "is longer than 1,000,000 characters");
        }
        ImportedDocument document;
        try {
            document = MarkdownImport.read(markdown, fileName.replaceFirst("\\.(md|markdown|txt)$", ""), zone);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("markdown", e.getMessage());
        }
        bounded(document);
        List<String> warnings = new ArrayList<>(document.warnings());
        IncidentView incident = incidents.declare(details(document, warnings), owner.name());
        TemplateView template = template(document, incident);
        PostmortemView started = postmortems.start(incident.key(), template.id(), owner);
        Postmortem postmortem = postmortems.load(started.id());
        int[] counts = fill(postmortem, document.sections(), owner.name());
        Instant now = clock.instant();
        events.saveAll(document.timeline().stream()
                .map(e -> new TimelineEvent(postmortem.id(), entry(e), owner.name(), now))
                .toList());
        events.flush();
        return new ImportResult(
                incident.key(),
                postmortem.id(),
                incident.title(),
                template.name(),
                counts[0],
                counts[1],
                document.timeline().size(),
                warnings);
    }

    /** Refuse a document whose timeline or sections would pass the limits on one postmortem. */
    private void bounded(ImportedDocument document) {
        int events = document.timeline().size();
        if (events > limits.timelineEvents()) {
            throw new LimitExceededException(
                    LimitExceededException.Kind.FULL,
                    "markdown",
                    "timeline-events",
                    limits.timelineEvents(),
                    "The document's timeline has " + LimitExceededException.count(events)
                            + " events, more than one postmortem holds");
        }
        List<FieldProblem> problems = document.sections().stream()
                .filter(s -> s.body().length() > limits.sectionLength())
                .map(s -> new FieldProblem(
                        "markdown",
                        "the section \"" + s.heading() + "\" "
                                + Section.tooLong(s.body().length(), limits.sectionLength())))
                .toList();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** Put each section where it belongs; returns how many matched the template and how many became extra. */
    private int[] fill(Postmortem postmortem, List<ImportedSection> sections, String actor) {
        int matched = 0;
        int extra = 0;
        Instant now = clock.instant();
        for (ImportedSection imported : sections) {
            Section target = postmortem.sections().stream()
                    .filter(s -> matches(s, imported))
                    .findFirst()
                    .orElse(null);
            if (target == null) {
                String key = uniqueKey(postmortem, TemplateDraft.slug(imported.heading()));
                target = postmortem.addSection(
                        SectionDefinition.optional(key, heading(imported.heading()), "Imported from the original."),
                        "");
                extra++;
            } else {
                matched++;
            }
            target.write(merged(target, imported), actor, now);
        }
        return new int[] {matched, extra};
    }

    private static boolean matches(Section section, ImportedSection imported) {
        return imported.meaning() != null
                ? section.key().equals(imported.meaning())
                        || SectionMeanings.same(section.heading(), imported.heading())
                : SectionMeanings.same(section.heading(), imported.heading());
    }

    /** Keep the original heading inside the body when it differs from the section's or joins text already there. */
    private static String merged(Section target, ImportedSection imported) {
        boolean sameHeading =
                target.heading().equalsIgnoreCase(imported.heading().strip());
        String body = imported.body();
        if (target.empty()) {
            return sameHeading || body.isBlank()
                    ? body
                    : "### " + imported.heading().strip() + "\n\n" + body;
        }
        return target.body() + "\n\n### " + imported.heading().strip() + "\n\n" + body;
    }

    private static String uniqueKey(Postmortem postmortem, String wanted) {
        String base = wanted.isEmpty() ? "section" : wanted;
        String key = base;
        for (int n = 2; hasKey(postmortem, key); n++) {
            key = base + "-" + n;
        }
        return key;
    }

    private static boolean hasKey(Postmortem postmortem, String key) {
        return postmortem.sections().stream().anyMatch(s -> s.key().equals(key));
    }

    private static String heading(String heading) {
        String h = heading.strip().isEmpty() ? "Untitled section" : heading.strip();
        return h.length() > 120 ? h.substring(0, 119) + "…" : h;
    }

    /**
     * Return the template the front matter names, else the active template whose sections fit the document's headings
     * best; on a tie, the one the rules pick for the incident.
     */
    private TemplateView template(ImportedDocument document, IncidentView incident) {
        Object wanted = document.frontMatter().get("template");
        List<TemplateView> active = templates.active();
        for (TemplateView t : active) {
            if (wanted != null && t.name().equalsIgnoreCase(wanted.toString().strip())) {
                return t;
            }
        }
        TemplateView best = templates.chooseFor(incident.kind(), incident.severity());
        int bestFit = fit(best, document);
        for (TemplateView t : active) {
            int fit = fit(t, document);
            if (fit > bestFit) {
                best = t;
                bestFit = fit;
            }
        }
        return best;
    }

    /** Count the document's sections that have a home in the template. */
    private static int fit(TemplateView template, ImportedDocument document) {
        return (int) document.sections().stream()
                .filter(imported -> template.sections().stream()
                        .anyMatch(s -> imported.meaning() != null && s.key().equals(imported.meaning())
                                || SectionMeanings.same(s.heading(), imported.heading())))
                .count();
    }

    private IncidentDetails details(ImportedDocument document, List<String> warnings) {
        Map<String, @Nullable Object> front = document.frontMatter();
        List<Instant> times =
                document.timeline().stream().map(ImportedEvent::at).sorted().toList();
        Instant started = moment(front, "startedAt", warnings);
        if (started == null) {
            started = times.isEmpty() ? moment(front, "date", warnings) : times.getFirst();
        }
        if (started == null) {
            started = clock.instant();
            warnings.add("The document gives no time for the incident; its start is set to the time of import.");
        }
        Instant resolved = moment(front, "resolvedAt", warnings);
        if (resolved == null) {
            resolved = !times.isEmpty() && times.getLast().isAfter(started) ? times.getLast() : started;
        }
        return new IncidentDetails(
                clip(document.title(), 200),
                clip(text(front, "summary", summaryOf(document)), 10_000),
                enumValue(IncidentKind.class, front.get("kind"), IncidentKind.SYSTEM),
                enumValue(Severity.class, front.get("severity"), Severity.SEV3),
                clip(text(front, "impact", "Imported from a postmortem document; see its impact section."), 10_000),
                null,
                names(front.get("services")),
                names(front.get("teams")),
                started,
                detected(front, document, started, warnings),
                moment(front, "acknowledgedAt", warnings),
                moment(front, "mitigatedAt", warnings),
                resolved.isBefore(started) ? started : resolved);
    }

    /** Return the detection moment the front matter gives, else the first timeline event that reads as one. */
    private static @Nullable Instant detected(
            Map<String, @Nullable Object> front, ImportedDocument document, Instant started, List<String> warnings) {
        Instant given = moment(front, "detectedAt", warnings);
        if (given != null) {
            return given;
        }
        return document.timeline().stream()
                .filter(e -> !e.at().isBefore(started) && KindGuess.of(e.description()) == TimelineKind.DETECTION)
                .map(ImportedEvent::at)
                .min(Instant::compareTo)
                .orElse(null);
    }

    private static String summaryOf(ImportedDocument document) {
        return document.sections().stream()
                .filter(s -> "summary".equals(s.meaning()))
                .map(ImportedSection::body)
                .findFirst()
                .orElse("");
    }

    private static @Nullable Instant moment(Map<String, @Nullable Object> front, String key, List<String> warnings) {
        Object value = front.get(key);
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDate.parse(text)
                        .atStartOfDay(java.time.ZoneOffset.UTC)
                        .toInstant();
            } catch (DateTimeParseException again) {
                warnings.add("Front matter " + key + ": '" + text + "' is not an ISO-8601 date-time; it was left out.");
                return null;
            }
        }
    }

    private static String text(Map<String, @Nullable Object> front, String key, String fallback) {
        Object value = front.get(key);
        return value == null || value.toString().isBlank() ? fallback : value.toString();
    }

    private static List<String> names(@Nullable Object value) {
        if (value instanceof Collection<?> list) {
            return list.stream()
                    .map(String::valueOf)
                    .map(s -> clip(s.strip(), 100))
                    .limit(20)
                    .toList();
        }
        return value == null ? List.of() : List.of(clip(value.toString().strip(), 100));
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, @Nullable Object value, E fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.toString().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static TimelineEntry entry(ImportedEvent event) {
        return new TimelineEntry(
                event.at(), clip(event.description(), 2000), KindGuess.of(event.description()), "imported", false);
    }
}
