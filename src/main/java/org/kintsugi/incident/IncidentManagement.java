package org.kintsugi.incident;

import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.NotFoundException;
import org.kintsugi.shared.StaleVersionException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Declare, revise, resolve and find incidents; every change lands in the incident's activity log. */
@Service
@Transactional
public class IncidentManagement {

    private final Incidents incidents;
    private final IncidentActivities activities;
    private final IncidentReads reads;
    private final IncidentListing listing;
    private final ApplicationEventPublisher events;
    private final Validator validator;
    private final Clock clock;

    IncidentManagement(
            Incidents incidents,
            IncidentActivities activities,
            IncidentReads reads,
            IncidentListing listing,
            ApplicationEventPublisher events,
            Validator validator,
            Clock clock) {
        this.incidents = incidents;
        this.activities = activities;
        this.reads = reads;
        this.listing = listing;
        this.events = events;
        this.validator = validator;
        this.clock = clock;
    }

    /** Declare an incident; publishes {@link IncidentDeclared}, and {@link IncidentResolved} if already resolved. */
    public IncidentView declare(IncidentDetails details, String actor) {
        Instant now = clock.instant();
        check(details, now);
        Incident incident = incidents.save(new Incident(details, actor, now));
        listing.forgetNames();
        activities.save(new IncidentActivity(incident.id(), now, actor, "declared", null, null, incident.key()));
        events.publishEvent(incident.declared());
        if (incident.status() == IncidentStatus.RESOLVED) {
            events.publishEvent(incident.resolved());
        }
        return incident.view();
    }

    /**
     * Replace an incident's details, refusing when someone else changed it since {@code expectedVersion}; publishes
     * {@link IncidentRevised} when anything changed.
     */
    public IncidentView revise(String key, long expectedVersion, IncidentDetails details, String actor) {
        Instant now = clock.instant();
        Incident incident = load(key);
        checkVersion(incident, expectedVersion);
        check(details, now);
        IncidentStatus before = incident.status();
        List<Incident.Change> changes = incident.revise(details, now);
        listing.forgetNames();
        record(incident, actor, now, changes);
        if (!changes.isEmpty()) {
            events.publishEvent(incident.revised());
        }
        announceResolution(incident, before);
        return saved(incident);
    }

    /** Resolve an incident at the given moment (now when {@code null}). */
    public IncidentView resolve(String key, @Nullable Long expectedVersion, @Nullable Instant at, String actor) {
        Instant now = clock.instant();
        Incident incident = load(key);
        if (expectedVersion != null) {
            checkVersion(incident, expectedVersion);
        }
        IncidentStatus before = incident.status();
        record(incident, actor, now, incident.resolve(at == null ? now : at, now));
        announceResolution(incident, before);
        return saved(incident);
    }

    /** Return one incident by key, e.g. {@code INC-42}. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public IncidentView find(String key) {
        return reads.find(id(key)).orElseThrow(() -> notFound(key));
    }

    /** Return one incident by id, as other modules keep it. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public IncidentView find(long id) {
        return reads.find(id).orElseThrow(() -> notFound(IncidentKey.of(id)));
    }

    /** Return one incident with its activity, newest first: everything its page shows. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public IncidentPage page(String key) {
        IncidentView incident = find(key);
        return new IncidentPage(incident, reads.activity(incident.id()));
    }

    /** Return a page of incidents matching the filter. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Page<IncidentView> list(IncidentFilter filter) {
        return listing.list(filter);
    }

    /**
     * Return a page of incidents for people to browse: as {@link #list}, but a text filter's matches are counted only
     * a few pages ahead, which keeps a broad search as quick as the page itself.
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public IncidentMatches browse(IncidentFilter filter) {
        return listing.list(filter, true);
    }

    /** Return an incident's activity, newest first. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<ActivityView> activity(String key) {
        return reads.activity(id(key));
    }

    /** Return every service named on an incident so far, for autocomplete. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<String> services() {
        return listing.services();
    }

    /** Return every team named on an incident so far, for autocomplete. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<String> teams() {
        return listing.teams();
    }

    private void record(Incident incident, String actor, Instant now, List<Incident.Change> changes) {
        for (Incident.Change change : changes) {
            String action = change.field().equals("resolvedAt") && change.newValue() != null ? "resolved" : "changed";
            activities.save(new IncidentActivity(
                    incident.id(), now, actor, action, change.field(), change.oldValue(), change.newValue()));
        }
    }

    /** Flush so the view carries the version the change was stored under, which the caller hands out as ETag. */
    private IncidentView saved(Incident incident) {
        incidents.flush();
        return incident.view();
    }

    private void announceResolution(Incident incident, IncidentStatus before) {
        if (before != IncidentStatus.RESOLVED && incident.status() == IncidentStatus.RESOLVED) {
            events.publishEvent(incident.resolved());
        }
    }

    private Incident load(String key) {
        return incidents.findById(id(key)).orElseThrow(() -> notFound(key));
    }

    private static long id(String key) {
        return IncidentKey.id(key).orElseThrow(() -> notFound(key));
    }

    private static NotFoundException notFound(String key) {
        return new NotFoundException("No incident " + key);
    }

    private static void checkVersion(Incident incident, long expectedVersion) {
        if (incident.version() != expectedVersion) {
            throw new StaleVersionException(incident.key(), expectedVersion, incident.version());
        }
    }

    private void check(IncidentDetails details, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        validator.validate(details).stream()
                .map(v -> new FieldProblem(field(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .forEach(problems::add);
        problems.addAll(details.lifecycle().problems(now));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** Name list elements by their list, e.g. {@code services[2].<list element>} as {@code services}. */
    private static String field(String path) {
        int bracket = path.indexOf('[');
        return bracket > 0 ? path.substring(0, bracket) : path;
    }
}
