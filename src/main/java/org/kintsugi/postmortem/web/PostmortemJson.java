package org.kintsugi.postmortem.web;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.postmortem.Author;
import org.kintsugi.postmortem.PostmortemView;
import org.kintsugi.postmortem.TimelineItem;

/** The JSON shapes of the postmortem API. */
final class PostmortemJson {

    private PostmortemJson() {}

    /** A postmortem as the API returns it. */
    record PostmortemResponse(
            long id,
            String incidentKey,
            String title,
            String severity,
            List<String> teams,
            long templateId,
            String templateName,
            String status,
            Author owner,
            List<Author> coAuthors,
            @Nullable Instant dueAt,
            boolean overdue,
            int revision,
            @Nullable String changesRequested,
            @Nullable Instant publishedAt,
            @Nullable String publishedBy,
            List<SectionResponse> sections,
            List<String> missing,
            Instant createdAt,
            Instant updatedAt,
            long version) {

        static PostmortemResponse of(PostmortemView p, Instant now) {
            return new PostmortemResponse(
                    p.id(),
                    p.incidentKey(),
                    p.title(),
                    p.severity().name(),
                    p.teams(),
                    p.templateId(),
                    p.templateName(),
                    p.status().code(),
                    p.owner(),
                    p.coAuthors(),
                    p.dueAt(),
                    p.overdueAt(now),
                    p.revision(),
                    p.changesRequested(),
                    p.publishedAt(),
                    p.publishedBy(),
                    p.sections().stream().map(SectionResponse::of).toList(),
                    p.missing().stream().map(PostmortemView.Section::key).toList(),
                    p.createdAt(),
                    p.updatedAt(),
                    p.version());
        }
    }

    /** A section as the API returns it. */
    record SectionResponse(
            String key,
            String heading,
            String guidance,
            boolean required,
            String body,
            long version,
            @Nullable String updatedBy,
            @Nullable Instant updatedAt) {

        static SectionResponse of(PostmortemView.Section s) {
            return new SectionResponse(
                    s.key(),
                    s.heading(),
                    s.guidance(),
                    s.required(),
                    s.body(),
                    s.version(),
                    s.updatedBy(),
                    s.updatedAt());
        }
    }

    /**
     * A timeline event as the API returns it. A moment another module adds, such as an entry of a shared personal
     * account, has id 0, its {@code label} (e.g. {@code Observed}) and a {@code link} to where it is changed.
     */
    record TimelineResponse(
            long id,
            Instant at,
            String description,
            String kind,
            String label,
            String source,
            boolean starred,
            boolean fromIncident,
            @Nullable String link,
            long version) {

        static TimelineResponse of(TimelineItem e) {
            return new TimelineResponse(
                    e.id(),
                    e.at(),
                    e.description(),
                    e.kind().code(),
                    e.label(),
                    e.source(),
                    e.starred(),
                    e.fromIncident(),
                    e.contribution() == null ? null : e.contribution().link(),
                    e.version());
        }
    }

    /** Start a postmortem, from the template the rules pick unless one is named. */
    record StartRequest(@Nullable Long templateId) {}

    /** The new text of a section. */
    record SectionRequest(@Nullable String body) {}

    /** A timeline event as a client sends it; {@code at} is ISO-8601 with an offset. */
    record TimelineRequest(
            @Nullable String at,
            @Nullable String description,
            @Nullable String kind,
            @Nullable String source,
            @Nullable Boolean starred) {}

    /** A chat transcript to read into timeline events, its times local to {@code zone} on {@code date}. */
    record TranscriptRequest(
            @Nullable String text,
            @Nullable String date,
            @Nullable String zone,
            @Nullable Boolean preview,
            @Nullable Boolean skipUnreadable) {}

    /** A reviewer's approval with the checklist items they checked. */
    record ApproveRequest(
            @Nullable List<String> checked, @Nullable String comment) {}

    /** A reviewer's request for changes. */
    record ChangesRequest(@Nullable String comment) {}

    /** A person to add as co-author or make owner. */
    record PersonRequest(@Nullable Long userId) {}
}
