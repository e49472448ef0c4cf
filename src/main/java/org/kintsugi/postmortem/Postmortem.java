package org.kintsugi.postmortem;

import static org.kintsugi.postmortem.PostmortemStatus.APPROVED;
import static org.kintsugi.postmortem.PostmortemStatus.DRAFT;
import static org.kintsugi.postmortem.PostmortemStatus.IN_REVIEW;
import static org.kintsugi.postmortem.PostmortemStatus.PUBLISHED;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kintsugi.incident.Severity;
import org.kintsugi.postmortem.review.ReviewedPostmortem;
import org.kintsugi.postmortem.template.SectionDefinition;
import org.kintsugi.postmortem.template.TemplateView;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.RefusedException;

/** The written record of one incident: sections from a template, written by an owner and co-authors, then reviewed. */
@Entity
@Table(name = "postmortems")
class Postmortem implements ReviewedPostmortem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private long incidentId;
    private String incidentKey = "";
    private String title = "";

    @Enumerated(EnumType.STRING)
    private Severity severity = Severity.SEV4;

    /** The incident's teams as {@code |a|b|}, so a list can filter on one team with a plain LIKE. */
    private String teams = "";

    private long templateId;
    private String templateName = "";

    @Enumerated(EnumType.STRING)
    private PostmortemStatus status = DRAFT;

    private long ownerId;
    private String ownerName = "";

    @ElementCollection
    @CollectionTable(name = "postmortem_coauthors", joinColumns = @JoinColumn(name = "postmortem_id"))
    private Set<Author> coAuthors = new LinkedHashSet<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "postmortem_id", nullable = false)
    @OrderBy("position")
    private List<Section> sections = new ArrayList<>();

    private @Nullable Instant dueAt;
    private int revision = 1;
    private @Nullable String changesRequested;
    private @Nullable Instant publishedAt;
    private @Nullable String publishedBy;
    private Instant createdAt = Instant.EPOCH;
    private Instant updatedAt = Instant.EPOCH;

    @Version
    private long version;

    protected Postmortem() {}

    Postmortem(Start start, TemplateView template, Author owner, Instant now) {
        this.incidentId = start.incidentId();
        this.incidentKey = start.incidentKey();
        incidentChanged(start.title(), start.severity(), start.teams());
        this.templateId = template.id();
        this.templateName = template.name();
        this.ownerId = owner.id();
        this.ownerName = owner.name();
        this.dueAt = start.dueAt();
        for (SectionDefinition definition : template.sections()) {
            sections.add(new Section(sections.size() + 1, definition, ""));
        }
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** What a postmortem starts from: its incident, title, severity, teams and due moment. */
    record Start(
            long incidentId,
            String incidentKey,
            String title,
            Severity severity,
            List<String> teams,
            @Nullable Instant dueAt) {}

    /** Keep the copy of the incident's title, severity and teams that lists filter on. */
    void incidentChanged(String title, Severity severity, List<String> teams) {
        this.title = title;
        this.severity = severity;
        this.teams = teams.isEmpty() ? "" : "|" + String.join("|", teams) + "|";
    }

    Section section(String key) {
        return sections.stream()
                .filter(s -> s.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new org.kintsugi.shared.NotFoundException(
                        "Postmortem " + id + " has no section \"" + key + "\"."));
    }

    /** Refuse unless the postmortem is a draft, the only state in which its text and timeline change. */
    void requireEditable() {
        requireDraft();
    }

    /** Write a section's text of at most {@code maxLength} characters; only a draft can be changed. */
    void write(String key, long expectedVersion, String body, String actor, Instant now, int maxLength) {
        requireDraft();
        Section section = section(key);
        if (section.version() != expectedVersion) {
            throw new org.kintsugi.shared.StaleVersionException(
                    "The section \"" + section.heading() + "\"", expectedVersion, section.version());
        }
        if (body.length() > maxLength) {
            throw new InvalidInputException("body", Section.tooLong(body.length(), maxLength));
        }
        section.write(body, actor, now);
        this.updatedAt = now;
    }

    /** Add a section that is not in the template (an import keeps headings that match nothing this way). */
    Section addSection(SectionDefinition definition, String body) {
        Section section = new Section(sections.size() + 1, definition, body);
        sections.add(section);
        return section;
    }

    void submit(Instant now) {
        submit(now, Set.of());
    }

    /** Send the draft to review; sections in {@code filledElsewhere} hold structured content and count as written. */
    @Override
    public void submit(Instant now, Set<String> filledElsewhere) {
        requireStatus(DRAFT, "submitted");
        List<FieldProblem> missing = sections.stream()
                .filter(s -> s.required() && s.empty() && !filledElsewhere.contains(s.key()))
                .map(s -> new FieldProblem("sections." + s.key(), s.heading() + " is required before review"))
                .toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException(missing);
        }
        status = IN_REVIEW;
        changesRequested = null;
        updatedAt = now;
    }

    @Override
    public void withdraw(Instant now) {
        if (status != IN_REVIEW && status != APPROVED) {
            throw RefusedException.state("Only a postmortem in review or approved can go back to draft; this one is "
                    + status.label().toLowerCase() + ".");
        }
        status = DRAFT;
        updatedAt = now;
    }

    @Override
    public void approved(Instant now) {
        if (status != IN_REVIEW && status != APPROVED) {
            throw RefusedException.state("Only a postmortem in review can be approved; this one is "
                    + status.label().toLowerCase() + ".");
        }
        status = APPROVED;
        updatedAt = now;
    }

    @Override
    public void stillInReview(Instant now) {
        if (status != IN_REVIEW) {
            throw RefusedException.state("Only a postmortem in review can be approved; this one is "
                    + status.label().toLowerCase() + ".");
        }
        updatedAt = now;
    }

    @Override
    public void changesRequested(String comment, Instant now) {
        if (status != IN_REVIEW && status != APPROVED) {
            throw RefusedException.state("Changes can only be requested while a postmortem is in review; this one is "
                    + status.label().toLowerCase() + ".");
        }
        status = DRAFT;
        changesRequested = comment;
        updatedAt = now;
    }

    @Override
    public void publish(String actor, Instant now) {
        requireStatus(APPROVED, "published");
        status = PUBLISHED;
        publishedAt = now;
        publishedBy = actor;
        updatedAt = now;
    }

    @Override
    public void amend(Instant now) {
        requireStatus(PUBLISHED, "amended");
        status = DRAFT;
        revision++;
        updatedAt = now;
    }

    void share(Author coAuthor, Instant now) {
        if (coAuthor.id() != ownerId) {
            coAuthors.add(coAuthor);
            updatedAt = now;
        }
    }

    void unshare(long userId, Instant now) {
        coAuthors.removeIf(a -> a.id() == userId);
        updatedAt = now;
    }

    void handOver(Author owner, Instant now) {
        coAuthors.removeIf(a -> a.id() == owner.id());
        coAuthors.add(new Author(ownerId, ownerName));
        ownerId = owner.id();
        ownerName = owner.name();
        updatedAt = now;
    }

    void due(@Nullable Instant dueAt) {
        this.dueAt = dueAt;
    }

    boolean isOwner(long userId) {
        return ownerId == userId;
    }

    String ownerName() {
        return ownerName;
    }

    @Override
    public boolean isAuthor(long userId) {
        return ownerId == userId || coAuthors.stream().anyMatch(a -> a.id() == userId);
    }

    private void requireDraft() {
        if (status != DRAFT) {
            throw RefusedException.state("Only a draft can be changed. This postmortem is "
                    + status.label().toLowerCase()
                    + (status == PUBLISHED ? "; amend it to start a new revision." : "; withdraw it to draft first."));
        }
    }

    private void requireStatus(PostmortemStatus wanted, String action) {
        if (status != wanted) {
            throw RefusedException.state(
                    "Only a postmortem that is " + wanted.label().toLowerCase() + " can be "
                            + action + "; this one is "
                            + status.label().toLowerCase()
                            + ".");
        }
    }

    @Override
    public long id() {
        return Objects.requireNonNull(id, "postmortem not saved yet");
    }

    long incidentId() {
        return incidentId;
    }

    PostmortemStatus status() {
        return status;
    }

    @Override
    public int revision() {
        return revision;
    }

    long version() {
        return version;
    }

    @Override
    public String title() {
        return title;
    }

    List<Section> sections() {
        return sections;
    }

    Optional<Instant> dueAt() {
        return Optional.ofNullable(dueAt);
    }

    @Override
    public PostmortemView view() {
        return new PostmortemView(
                id == null ? 0 : id,
                incidentId,
                incidentKey,
                title,
                severity,
                teams.isEmpty()
                        ? List.of()
                        : List.of(teams.substring(1, teams.length() - 1).split("\\|")),
                templateId,
                templateName,
                status,
                new Author(ownerId, ownerName),
                List.copyOf(coAuthors),
                sections.stream().map(Section::view).toList(),
                dueAt,
                revision,
                changesRequested,
                publishedAt,
                publishedBy,
                createdAt,
                updatedAt,
                version);
    }
}
