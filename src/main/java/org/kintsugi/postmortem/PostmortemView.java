package org.kintsugi.postmortem;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.incident.Severity;

/** A postmortem as readers see it; {@code version} covers the document's state, each section has its own. */
public record PostmortemView(
        long id,
        long incidentId,
        String incidentKey,
        String title,
        Severity severity,
        List<String> teams,
        long templateId,
        String templateName,
        PostmortemStatus status,
        Author owner,
        List<Author> coAuthors,
        List<Section> sections,
        @Nullable Instant dueAt,
        int revision,
        @Nullable String changesRequested,
        @Nullable Instant publishedAt,
        @Nullable String publishedBy,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    /** Return whether this person is the owner or a co-author. */
    public boolean isAuthor(long userId) {
        return owner.id() == userId || coAuthors.stream().anyMatch(a -> a.id() == userId);
    }

    /** Return whether the postmortem is due and not yet published at the given moment. */
    public boolean overdueAt(Instant now) {
        return dueAt != null && status != PostmortemStatus.PUBLISHED && publishedAt == null && now.isAfter(dueAt);
    }

    /** Return the required sections still empty, which keep the postmortem from going to review. */
    public List<Section> missing() {
        return sections.stream().filter(s -> s.required() && s.empty()).toList();
    }

    /** A section as readers and writers see it; {@code version} is what a save must name in {@code If-Match}. */
    public record Section(
            String key,
            String heading,
            String guidance,
            boolean required,
            String body,
            long version,
            @Nullable String updatedBy,
            @Nullable Instant updatedAt) {

        /** Return whether nothing is written in the section yet. */
        public boolean empty() {
            return body.isBlank();
        }
    }
}
