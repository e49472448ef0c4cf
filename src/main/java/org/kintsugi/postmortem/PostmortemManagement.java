package org.kintsugi.postmortem;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kintsugi.identity.Role;
import org.kintsugi.identity.UserManagement;
import org.kintsugi.identity.UserView;
import org.kintsugi.incident.IncidentKind;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.incident.IncidentResolved;
import org.kintsugi.incident.IncidentRevised;
import org.kintsugi.incident.IncidentView;
import org.kintsugi.incident.Severity;
import org.kintsugi.postmortem.policy.DuePolicyView;
import org.kintsugi.postmortem.policy.ReviewPolicy;
import org.kintsugi.postmortem.template.TemplateCatalogue;
import org.kintsugi.postmortem.template.TemplateChoice;
import org.kintsugi.postmortem.template.TemplateView;
import org.kintsugi.shared.Limits;
import org.kintsugi.shared.NotFoundException;
import org.kintsugi.shared.RefusedException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Start postmortems from incidents, write their sections and decide who writes them. */
@Service
@Transactional
public class PostmortemManagement {

    private final Postmortems postmortems;
    private final TemplateCatalogue templates;
    private final ReviewPolicy policy;
    private final IncidentManagement incidents;
    private final UserManagement users;
    private final PostmortemReads reads;
    private final PostmortemListing listing;
    private final Clock clock;
    private final Limits limits;
    private final ApplicationEventPublisher events;

    PostmortemManagement(
            Postmortems postmortems,
            TemplateCatalogue templates,
            ReviewPolicy policy,
            IncidentManagement incidents,
            UserManagement users,
            PostmortemReads reads,
            PostmortemListing listing,
            Clock clock,
            Limits limits,
            ApplicationEventPublisher events) {
        this.events = events;
        this.postmortems = postmortems;
        this.templates = templates;
        this.policy = policy;
        this.incidents = incidents;
        this.users = users;
        this.reads = reads;
        this.listing = listing;
        this.clock = clock;
        this.limits = limits;
    }

    /**
     * Start the postmortem of an incident from a template (the one the rules pick when {@code templateId} is null),
     * owned by the person who starts it.
     */
    public PostmortemView start(String incidentKey, @Nullable Long templateId, Author owner) {
        IncidentView incident = incidents.find(incidentKey);
        postmortems.findByIncidentId(incident.id()).ifPresent(existing -> {
            throw RefusedException.state(incident.key() + " already has a postmortem (" + existing.id() + ").");
        });
        TemplateView template = templateId == null
                ? templates.chooseFor(incident.kind(), incident.severity())
                : activeTemplate(templateId);
        Instant resolvedAt = incident.lifecycle().resolvedAt();
        Instant due = resolvedAt == null
                ? null
                : policy.due(incident.severity(), resolvedAt).orElse(null);
        var start = new Postmortem.Start(
                incident.id(), incident.key(), incident.title(), incident.severity(), incident.teams(), due);
        reads.forgetTeams();
        Postmortem started = postmortems.save(new Postmortem(start, template, owner, clock.instant()));
        PostmortemView view = saved(started);
        events.publishEvent(new PostmortemChanged(view.id(), view.incidentId()));
        return view;
    }

    /** Return one postmortem. */
    @Transactional(readOnly = true)
    public PostmortemView find(long id) {
        return load(id).view();
    }

    /** Return what an incident's page shows of its postmortem, if one was started. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Optional<PostmortemSummary> summaryFor(long incidentId) {
        return reads.summary(incidentId);
    }

    /** Return the incident key of each of these postmortems, in one query. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Map<Long, String> incidentKeys(Collection<Long> postmortemIds) {
        return reads.incidentKeys(postmortemIds);
    }

    /** Return the owner's user id of each of these postmortems, in one query. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Map<Long, Long> ownerIds(Collection<Long> postmortemIds) {
        return reads.ownerIds(postmortemIds);
    }

    /** Return the ids of the postmortems whose incident involved this team (by name, ignoring case). */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<Long> idsWithTeam(String team) {
        return reads.idsWithTeam(team);
    }

    /** Return every team named on a postmortem, sorted. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public java.util.SortedSet<String> teams() {
        return reads.teams();
    }

    /** Return what starting a postmortem for an incident of this kind and severity would mean. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public StartOptions startOptions(IncidentKind kind, Severity severity) {
        return reads.startOptions(kind, severity);
    }

    /** Return the zone whose calendar decides which days are working days, as the review settings give it. */
    @Transactional(readOnly = true)
    public ZoneId workingZone() {
        return policy.workingZone();
    }

    /** Return the postmortem of an incident, if one was started. */
    @Transactional(readOnly = true)
    public Optional<PostmortemView> forIncident(long incidentId) {
        return postmortems.findByIncidentId(incidentId).map(Postmortem::view);
    }

    /** Return a page of postmortems, the soonest due first, then the most recently changed. */
    @Transactional(readOnly = true)
    public Page<PostmortemView> list(PostmortemFilter filter) {
        return listing.list(filter, clock.instant());
    }

    /** Save a section's Markdown, refusing when someone else saved it since {@code expectedVersion}. */
    public PostmortemView.Section write(long id, String sectionKey, long expectedVersion, String body, String actor) {
        Postmortem postmortem = load(id);
        postmortem.write(sectionKey, expectedVersion, body, actor, clock.instant(), limits.sectionLength());
        postmortems.flush();
        events.publishEvent(new PostmortemChanged(id, postmortem.incidentId()));
        return postmortem.section(sectionKey).view();
    }

    /**
     * Add a co-author; the owner and co-authors may write and submit, and none of them may approve. Only the owner or
     * an administrator decides who writes.
     */
    public PostmortemView addCoAuthor(long id, long userId, Author actor) {
        Postmortem postmortem = owned(id, actor, "add co-authors");
        postmortem.share(author(userId), clock.instant());
        return saved(postmortem);
    }

    /** Remove a co-author; the owner's or an administrator's call. */
    public PostmortemView removeCoAuthor(long id, long userId, Author actor) {
        Postmortem postmortem = owned(id, actor, "remove co-authors");
        postmortem.unshare(userId, clock.instant());
        return saved(postmortem);
    }

    /** Make someone else the owner; the previous owner stays on as a co-author. The owner's or an administrator's call. */
    public PostmortemView handOver(long id, long userId, Author actor) {
        Postmortem postmortem = owned(id, actor, "hand it over");
        postmortem.handOver(author(userId), clock.instant());
        return saved(postmortem);
    }

    /** Follow a change of the incident: its title, severity and teams, and the due moment once it is resolved. */
    void incidentChanged(IncidentRevised revised) {
        postmortems.findByIncidentId(revised.incidentId()).ifPresent(postmortem -> {
            postmortem.incidentChanged(revised.title(), revised.severity(), revised.teams());
            reads.forgetTeams();
            if (revised.resolvedAt() != null && postmortem.dueAt().isEmpty()) {
                postmortem.due(
                        policy.due(revised.severity(), revised.resolvedAt()).orElse(null));
            }
        });
    }

    /** Set the due moment from the policy once the incident is resolved. */
    void incidentResolved(IncidentResolved resolved) {
        postmortems.findByIncidentId(resolved.incidentId()).ifPresent(postmortem -> {
            if (postmortem.dueAt().isEmpty()) {
                postmortem.due(
                        policy.due(resolved.severity(), resolved.resolvedAt()).orElse(null));
            }
        });
    }

    private TemplateView activeTemplate(long templateId) {
        TemplateView template = templates.find(templateId);
        if (template.retired()) {
            throw new org.kintsugi.shared.InvalidInputException(
                    "templateId", "\"" + template.name() + "\" is retired; choose another template");
        }
        return template;
    }

    private Author author(long userId) {
        UserView user = users.find(userId);
        if (!user.active()) {
            throw new org.kintsugi.shared.InvalidInputException("userId", user.displayName() + " is deactivated");
        }
        return new Author(user.id(), user.displayName());
    }

    /** Load a postmortem for a change only its owner or an administrator may make. */
    private Postmortem owned(long id, Author actor, String what) {
        Postmortem postmortem = load(id);
        if (!postmortem.isOwner(actor.id()) && users.find(actor.id()).role() != Role.ADMIN) {
            throw RefusedException.person(
                    "Only the owner, " + postmortem.ownerName() + ", or an administrator may " + what + ".");
        }
        return postmortem;
    }

    Postmortem load(long id) {
        return postmortems.findById(id).orElseThrow(() -> new NotFoundException("There is no postmortem " + id + "."));
    }

    private PostmortemView saved(Postmortem postmortem) {
        postmortems.flush();
        return postmortem.view();
    }

    /**
     * What starting a postmortem for an incident would mean: when it is due, the templates to choose from, and the one
     * the rules pick.
     */
    public record StartOptions(DuePolicyView rule, ZoneId workingZone, List<TemplateChoice> templates, long chosen) {

        /** Return when the postmortem is due for an incident resolved at this moment, if one is required. */
        public Optional<Instant> due(@Nullable Instant resolvedAt) {
            return resolvedAt == null ? Optional.empty() : rule.due(resolvedAt, workingZone);
        }
    }
}
