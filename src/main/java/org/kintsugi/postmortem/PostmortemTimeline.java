package org.kintsugi.postmortem;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.incident.Lifecycle;
import org.kintsugi.postmortem.timeline.TimelineDurations;
import org.kintsugi.postmortem.timeline.TimelineEntry;
import org.kintsugi.postmortem.timeline.TimelineEvent;
import org.kintsugi.postmortem.timeline.TimelineEvents;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.LimitExceededException;
import org.kintsugi.shared.Limits;
import org.kintsugi.shared.NotFoundException;
import org.kintsugi.shared.StaleVersionException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keep a postmortem's timeline: the incident's own moments plus what people add, paste or import. */
@Service
@Transactional
public class PostmortemTimeline {

    private final PostmortemManagement management;
    private final TimelineEvents events;
    private final IncidentManagement incidents;
    private final ObjectProvider<TimelineContribution> contributions;
    private final Clock clock;
    private final Limits limits;
    private final ApplicationEventPublisher publisher;

    PostmortemTimeline(
            PostmortemManagement management,
            TimelineEvents events,
            IncidentManagement incidents,
            ObjectProvider<TimelineContribution> contributions,
            Clock clock,
            Limits limits,
            ApplicationEventPublisher publisher) {
        this.publisher = publisher;
        this.management = management;
        this.events = events;
        this.incidents = incidents;
        this.contributions = contributions;
        this.clock = clock;
        this.limits = limits;
    }

    /** A postmortem's timeline in time order, and the durations it shows. */
    public record Read(List<TimelineItem> items, TimelineDurations durations) {}

    /** Return the timeline in time order, the incident's lifecycle moments and other modules' moments included. */
    @Transactional(readOnly = true)
    public List<TimelineItem> timeline(long postmortemId) {
        return read(postmortemId).items();
    }

    /** Return the timeline and the durations it shows, reading the postmortem and its incident once. */
    @Transactional(readOnly = true)
    public Read read(long postmortemId) {
        PostmortemView postmortem = management.find(postmortemId);
        return read(postmortemId, incidents.find(postmortem.incidentId()).lifecycle());
    }

    /**
     * Return the timeline of a postmortem whose incident has this lifecycle, and the durations it shows: how long it
     * went unnoticed (the first detection event when the incident does not say), until mitigated, until resolved.
     * Moments other modules add come after the timeline's own events at the same time, and measure nothing.
     */
    @Transactional(readOnly = true)
    public Read read(long postmortemId, Lifecycle lifecycle) {
        List<TimelineItem> added = events.findByPostmortemIdOrderByAtAscIdAsc(postmortemId).stream()
                .map(TimelineEvent::view)
                .toList();
        List<TimelineItem> items = new ArrayList<>(lifecycle(lifecycle));
        items.addAll(added);
        contributions
                .orderedStream()
                .flatMap(contribution -> contribution.moments(postmortemId).stream())
                .map(TimelineItem::of)
                .forEach(items::add);
        items.sort(Comparator.comparing(TimelineItem::at)
                .thenComparing(item -> !item.fromIncident())
                .thenComparing(item -> item.contribution() != null)
                .thenComparingLong(TimelineItem::id));
        Instant detected = lifecycle.detectedAt() != null
                ? lifecycle.detectedAt()
                : added.stream()
                        .filter(e -> e.kind() == TimelineKind.DETECTION)
                        .map(TimelineItem::at)
                        .findFirst()
                        .orElse(null);
        return new Read(
                items,
                TimelineDurations.of(lifecycle.startedAt(), detected, lifecycle.mitigatedAt(), lifecycle.resolvedAt()));
    }

    /** Add one event. */
    public TimelineItem add(long postmortemId, TimelineEntry entry, String actor) {
        editable(postmortemId);
        check(entry, "");
        room(postmortemId, 1, "timeline");
        return events.saveAndFlush(new TimelineEvent(postmortemId, entry, actor, clock.instant()))
                .view();
    }

    /** Add many events at once, e.g. from a pasted chat transcript; all or nothing. */
    public List<TimelineItem> addAll(long postmortemId, List<TimelineEntry> entries, String actor) {
        return addAll(postmortemId, entries, actor, "events");
    }

    /**
     * Add many events at once, all or nothing; {@code field} names what carried them (e.g. {@code text} for a pasted
     * transcript) when they do not fit.
     */
    public List<TimelineItem> addAll(long postmortemId, List<TimelineEntry> entries, String actor, String field) {
        editable(postmortemId);
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String at = "events[" + i + "].";
            entries.get(i).problems().forEach(p -> problems.add(new FieldProblem(at + p.field(), p.message())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        room(postmortemId, entries.size(), field);
        Instant now = clock.instant();
        List<TimelineEvent> saved = events.saveAll(entries.stream()
                .map(entry -> new TimelineEvent(postmortemId, entry, actor, now))
                .toList());
        events.flush();
        return saved.stream().map(TimelineEvent::view).toList();
    }

    /** Change an event, refusing when someone else changed it since {@code expectedVersion}. */
    public TimelineItem revise(long postmortemId, long eventId, @Nullable Long expectedVersion, TimelineEntry entry) {
        editable(postmortemId);
        TimelineEvent event = load(postmortemId, eventId);
        if (expectedVersion != null && event.version() != expectedVersion) {
            throw new StaleVersionException("The timeline event", expectedVersion, event.version());
        }
        check(entry, "");
        event.revise(entry);
        return events.saveAndFlush(event).view();
    }

    /** Star an event as a key moment, or take the star away. */
    public TimelineItem star(long postmortemId, long eventId, @Nullable Long expectedVersion, boolean starred) {
        editable(postmortemId);
        TimelineEvent event = load(postmortemId, eventId);
        if (expectedVersion != null && event.version() != expectedVersion) {
            throw new StaleVersionException("The timeline event", expectedVersion, event.version());
        }
        event.star(starred);
        return events.saveAndFlush(event).view();
    }

    /** Remove an event. */
    public void remove(long postmortemId, long eventId) {
        editable(postmortemId);
        events.delete(load(postmortemId, eventId));
        events.flush();
    }

    /** Refuse when {@code adding} more events would pass the limit on one postmortem's timeline. */
    private void room(long postmortemId, int adding, String field) {
        long held = events.countByPostmortemId(postmortemId);
        int max = limits.timelineEvents();
        if (held + adding > max) {
            throw new LimitExceededException(
                    LimitExceededException.Kind.FULL,
                    field,
                    "timeline-events",
                    max,
                    "The timeline holds " + LimitExceededException.count(held) + " events; "
                            + (adding == 1 ? "one more" : LimitExceededException.count(adding) + " more")
                            + " would pass the limit of " + LimitExceededException.count(max)
                            + " events on one postmortem");
        }
    }

    /** Refuse unless the postmortem is a draft; every change passes here, so it announces the change as well. */
    private void editable(long postmortemId) {
        Postmortem postmortem = management.load(postmortemId);
        postmortem.requireEditable();
        publisher.publishEvent(new PostmortemChanged(postmortemId, postmortem.incidentId()));
    }

    private TimelineEvent load(long postmortemId, long eventId) {
        return events.findById(eventId)
                .filter(e -> e.postmortemId() == postmortemId)
                .orElseThrow(() -> new NotFoundException(
                        "Postmortem " + postmortemId + " has no timeline event " + eventId + "."));
    }

    private static void check(TimelineEntry entry, String prefix) {
        List<FieldProblem> problems = entry.problems();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.stream()
                    .map(p -> new FieldProblem(prefix + p.field(), p.message()))
                    .toList());
        }
    }

    private static List<TimelineItem> lifecycle(Lifecycle lifecycle) {
        List<TimelineItem> moments = new ArrayList<>();
        moment(moments, lifecycle.startedAt(), "The incident started", TimelineKind.OTHER);
        moment(moments, lifecycle.detectedAt(), "Detected", TimelineKind.DETECTION);
        moment(moments, lifecycle.acknowledgedAt(), "Acknowledged", TimelineKind.ACTION);
        moment(moments, lifecycle.mitigatedAt(), "Mitigated", TimelineKind.ACTION);
        moment(moments, lifecycle.resolvedAt(), "Resolved", TimelineKind.ACTION);
        return moments;
    }

    private static void moment(List<TimelineItem> out, @Nullable Instant at, String what, TimelineKind kind) {
        if (at != null) {
            out.add(new TimelineItem(0, at, what, kind, "incident", true, true, "", 0));
        }
    }
}
