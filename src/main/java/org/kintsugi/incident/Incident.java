package org.kintsugi.incident;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.kintsugi.shared.InvalidInputException;

/** An incident: something happened and someone was affected. Its status follows its lifecycle moments. */
@Entity
@Table(name = "incidents")
class Incident {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private String title = "";
    private String summary = "";

    @Enumerated(EnumType.STRING)
    private IncidentKind kind = IncidentKind.OTHER;

    @Enumerated(EnumType.STRING)
    private Severity severity = Severity.SEV4;

    private String impact = "";
    private @Nullable Integer peopleAffected;

    @Enumerated(EnumType.STRING)
    private IncidentStatus status = IncidentStatus.OPEN;

    private Instant startedAt = Instant.EPOCH;
    private @Nullable Instant detectedAt;
    private @Nullable Instant acknowledgedAt;
    private @Nullable Instant mitigatedAt;
    private @Nullable Instant resolvedAt;

    @ElementCollection
    @CollectionTable(name = "incident_services", joinColumns = @JoinColumn(name = "incident_id"))
    @Column(name = "name")
    private Set<String> services = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "incident_teams", joinColumns = @JoinColumn(name = "incident_id"))
    @Column(name = "name")
    private Set<String> teams = new LinkedHashSet<>();

    private String declaredBy = "";
    private Instant declaredAt = Instant.EPOCH;
    private Instant updatedAt = Instant.EPOCH;

    @Version
    private long version;

    protected Incident() {}

    /** Declare an incident from checked details. */
    Incident(IncidentDetails details, String declaredBy, Instant now) {
        this.declaredBy = declaredBy;
        this.declaredAt = now;
        apply(details, now);
    }

    /** Revise the incident; return what changed, field by field. */
    List<Change> revise(IncidentDetails details, Instant now) {
        Snapshot before = snapshot();
        apply(details, now);
        return before.changesTo(snapshot());
    }

    /** Resolve the incident at the given moment; return what changed. */
    List<Change> resolve(Instant at, Instant now) {
        if (resolvedAt != null) {
            throw new InvalidInputException("resolvedAt", "the incident is already resolved");
        }
        Lifecycle resolved = lifecycle().resolvedAt(at);
        check(resolved, now);
        Snapshot before = snapshot();
        this.resolvedAt = at;
        this.status = resolved.status();
        this.updatedAt = now;
        return before.changesTo(snapshot());
    }

    private void apply(IncidentDetails details, Instant now) {
        Lifecycle lifecycle = details.lifecycle();
        check(lifecycle, now);
        this.title = Objects.requireNonNull(details.title()).strip();
        this.summary = details.summary() == null ? "" : details.summary().strip();
        this.kind = Objects.requireNonNull(details.kind());
        this.severity = Objects.requireNonNull(details.severity());
        this.impact = Objects.requireNonNull(details.impact()).strip();
        this.peopleAffected = details.peopleAffected();
        this.services = tags(details.services());
        this.teams = tags(details.teams());
        this.startedAt = Objects.requireNonNull(lifecycle.startedAt());
        this.detectedAt = lifecycle.detectedAt();
        this.acknowledgedAt = lifecycle.acknowledgedAt();
        this.mitigatedAt = lifecycle.mitigatedAt();
        this.resolvedAt = lifecycle.resolvedAt();
        this.status = lifecycle.status();
        this.updatedAt = now;
    }

    private static void check(Lifecycle lifecycle, Instant now) {
        var problems = lifecycle.problems(now);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** Keep tags as typed, without blanks or case-insensitive duplicates. */
    static Set<String> tags(@Nullable Collection<String> values) {
        Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        Set<String> kept = new LinkedHashSet<>();
        if (values != null) {
            values.stream()
                    .map(String::strip)
                    .filter(v -> !v.isEmpty())
                    .filter(seen::add)
                    .forEach(kept::add);
        }
        return kept;
    }

    long id() {
        if (id == null) {
            throw new IllegalStateException("incident not saved yet");
        }
        return id;
    }

    String key() {
        return IncidentKey.of(id());
    }

    long version() {
        return version;
    }

    IncidentStatus status() {
        return status;
    }

    Lifecycle lifecycle() {
        return new Lifecycle(startedAt, detectedAt, acknowledgedAt, mitigatedAt, resolvedAt);
    }

    IncidentView view() {
        return new IncidentView(
                id(),
                key(),
                version,
                title,
                summary,
                kind,
                severity,
                status,
                impact,
                peopleAffected,
                sorted(services),
                sorted(teams),
                lifecycle(),
                declaredBy,
                declaredAt,
                updatedAt);
    }

    IncidentDeclared declared() {
        return new IncidentDeclared(id(), key(), title, kind, severity, startedAt);
    }

    IncidentRevised revised() {
        return new IncidentRevised(id(), key(), title, kind, severity, sorted(teams), sorted(services), resolvedAt);
    }

    IncidentResolved resolved() {
        return new IncidentResolved(id(), key(), title, kind, severity, startedAt, Objects.requireNonNull(resolvedAt));
    }

    private static List<String> sorted(Set<String> values) {
        List<String> list = new ArrayList<>(values);
        list.sort(String.CASE_INSENSITIVE_ORDER);
        return list;
    }

    private Snapshot snapshot() {
        return new Snapshot(List.of(
                new Change("title", null, title),
                new Change("summary", null, summary),
                new Change("kind", null, kind.code()),
                new Change("severity", null, severity.name()),
                new Change("impact", null, impact),
                new Change("peopleAffected", null, peopleAffected == null ? null : peopleAffected.toString()),
                new Change("services", null, String.join(", ", sorted(services))),
                new Change("teams", null, String.join(", ", sorted(teams))),
                new Change("startedAt", null, text(startedAt)),
                new Change("detectedAt", null, text(detectedAt)),
                new Change("acknowledgedAt", null, text(acknowledgedAt)),
                new Change("mitigatedAt", null, text(mitigatedAt)),
                new Change("resolvedAt", null, text(resolvedAt)),
                new Change("status", null, status.code())));
    }

    private static @Nullable String text(@Nullable Instant at) {
        return at == null ? null : at.toString();
    }

    /** One field's value before and after a change; timestamps are ISO-8601 instants. */
    record Change(
            String field,
            @Nullable String oldValue,
            @Nullable String newValue) {}

    private record Snapshot(List<Change> fields) {

        List<Change> changesTo(Snapshot after) {
            List<Change> changes = new ArrayList<>();
            for (int i = 0; i < fields.size(); i++) {
                String was = fields.get(i).newValue();
                String is = after.fields.get(i).newValue();
                if (!Objects.equals(was, is)) {
                    changes.add(new Change(fields.get(i).field(), was, is));
                }
            }
            return changes;
        }
    }
}
