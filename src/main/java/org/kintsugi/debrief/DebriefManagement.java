package org.kintsugi.debrief;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.kintsugi.action.ActionManagement;
import org.kintsugi.analysis.PostmortemAnalysis;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.identity.Role;
import org.kintsugi.identity.UserManagement;
import org.kintsugi.identity.UserView;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.postmortem.PostmortemView;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.NotFoundException;
import org.kintsugi.shared.RefusedException;
import org.kintsugi.shared.StaleVersionException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Schedule debriefs, invite people to them, change and cancel them, and take invitees' answers. Every change that
 * invitees must hear of raises the debrief's sequence and publishes {@link DebriefInvitationsChanged}, whose listener
 * mails them after the change is committed.
 */
@Service
@Transactional
public class DebriefManagement {

    /** People one debrief may invite, facilitator included: a meeting, not a mailing list. */
    public static final int MAX_INVITEES = 300;

    /** The reason an administrator is suggested as an invitee. */
    public static final String ADMINISTRATOR = "administrator";

    /** How far ahead a debrief may be scheduled. */
    public static final Duration MAX_AHEAD = Duration.ofDays(2 * 366);

    private final Debriefs debriefs;
    private final Invitees invitees;
    private final UserManagement users;
    private final PostmortemManagement postmortems;
    private final ActionManagement actions;
    private final PostmortemAnalysis analysis;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DebriefManagement(
            Debriefs debriefs,
            Invitees invitees,
            UserManagement users,
            PostmortemManagement postmortems,
            ActionManagement actions,
            PostmortemAnalysis analysis,
            ApplicationEventPublisher events,
            Clock clock) {
        this.debriefs = debriefs;
        this.invitees = invitees;
        this.users = users;
        this.postmortems = postmortems;
        this.actions = actions;
        this.analysis = analysis;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Schedule a debrief of a postmortem, or with no postmortem a routine retrospective, owned by {@code me}. The
     * facilitator is invited as such; the invitees follow.
     */
    public DebriefView schedule(
            @Nullable Long postmortemId, DebriefDetails details, List<NewInvitee> wanted, KintsugiPrincipal me) {
        if (!me.canWrite()) {
            throw RefusedException.person("Viewers cannot schedule debriefs.");
        }
        if (postmortemId != null) {
            postmortems.find(postmortemId);
        }
        Instant now = clock.instant();
        check(details, now);
        Debrief debrief = debriefs.saveAndFlush(new Debrief(postmortemId, details, me.id(), now));
        List<Invitee> list = new ArrayList<>();
        seatFacilitator(debrief, list);
        add(debrief, list, wanted);
        events.publishEvent(new DebriefInvitationsChanged(debrief.id(), debrief.sequence()));
        return view(debrief, list);
    }

    /** Return one debrief with its invitees and their answers. */
    @Transactional(readOnly = true)
    public DebriefView find(long id) {
        Debrief debrief = load(id);
        return view(debrief, invitees.findByDebriefIdOrderByIdAsc(id));
    }

    /** Return a postmortem's debriefs, earliest first. */
    @Transactional(readOnly = true)
    public List<DebriefView> forPostmortem(long postmortemId) {
        return debriefs.findByPostmortemIdOrderByStartsAtAsc(postmortemId).stream()
                .map(d -> view(d, invitees.findByDebriefIdOrderByIdAsc(d.id())))
                .toList();
    }

    /** Return the debriefs still to come or under way (soonest first) and up to {@code pastCount} others. */
    @Transactional(readOnly = true)
    public Listing list(int pastCount) {
        Instant now = clock.instant();
        Instant earliest = now.minus(Duration.ofMinutes(DebriefDetails.MAX_MINUTES));
        List<DebriefView> upcoming = debriefs.upcoming(earliest, PageRequest.of(0, 200)).stream()
                .filter(d -> d.endsAt().isAfter(now))
                .map(d -> view(d, invitees.findByDebriefIdOrderByIdAsc(d.id())))
                .toList();
        List<Long> shown = upcoming.stream().map(DebriefView::id).toList();
        List<DebriefView> past = debriefs.past(now, PageRequest.of(0, pastCount + shown.size())).stream()
                .filter(d -> !shown.contains(d.id()))
                .limit(pastCount)
                .map(d -> view(d, invitees.findByDebriefIdOrderByIdAsc(d.id())))
                .toList();
        return new Listing(upcoming, past);
    }

    /** Debriefs to come (soonest first) and those past or cancelled (latest first). */
    public record Listing(List<DebriefView> upcoming, List<DebriefView> past) {}

    /**
     * Change when, how long, where or with whom a debrief meets; invitees are sent the update with a higher sequence.
     *
     * @throws StaleVersionException when someone changed it since {@code expectedVersion}
     */
    public DebriefView revise(long id, long expectedVersion, DebriefDetails details, KintsugiPrincipal me) {
        Debrief debrief = editable(id, me);
        checkVersion(debrief, expectedVersion);
        Instant now = clock.instant();
        check(details, now);
        long formerFacilitator = debrief.facilitatorId();
        List<Invitee> list = new ArrayList<>(invitees.findByDebriefIdOrderByIdAsc(id));
        if (debrief.revise(details, now)) {
            if (formerFacilitator != details.facilitatorId()) {
                list.stream()
                        .filter(i -> Objects.equals(i.personId(), formerFacilitator))
                        .forEach(i -> i.changeRole(InviteeRole.REQUIRED));
                seatFacilitator(debrief, list);
            }
            debriefs.saveAndFlush(debrief);
            events.publishEvent(new DebriefInvitationsChanged(id, debrief.sequence()));
        }
        return view(debrief, list);
    }

    /** Cancel a debrief; everyone invited so far is sent a cancellation. */
    public DebriefView cancel(long id, @Nullable Long expectedVersion, KintsugiPrincipal me) {
        Debrief debrief = editable(id, me);
        if (expectedVersion != null) {
            checkVersion(debrief, expectedVersion);
        }
        debrief.cancel(clock.instant());
        debriefs.saveAndFlush(debrief);
        events.publishEvent(new DebriefInvitationsChanged(id, debrief.sequence()));
        return find(id);
    }

    /**
     * Open a debrief's room: a scheduled debrief becomes open. The room checks that its caller is the facilitator or
     * an administrator before it calls this.
     */
    public void markOpen(long id) {
        Debrief debrief = load(id);
        debrief.open(clock.instant());
        debriefs.saveAndFlush(debrief);
    }

    /** Close a debrief's room; the room checks who may before it calls this. */
    public void markClosed(long id) {
        Debrief debrief = load(id);
        debrief.close(clock.instant());
        debriefs.saveAndFlush(debrief);
    }

    /**
     * Make someone else the facilitator of an open debrief, seated on the invitation as such; the room checks who may
     * and that they are present before it calls this.
     */
    public void handOver(long id, long personId) {
        Debrief debrief = load(id);
        long former = debrief.facilitatorId();
        debrief.handOver(personId, clock.instant());
        List<Invitee> list = new ArrayList<>(invitees.findByDebriefIdOrderByIdAsc(id));
        list.stream()
                .filter(i -> Objects.equals(i.personId(), former))
                .forEach(i -> i.changeRole(InviteeRole.REQUIRED));
        seatFacilitator(debrief, list);
        debriefs.saveAndFlush(debrief);
    }

    /** Invite more people or addresses; someone already invited keeps their answer. */
    public DebriefView invite(long id, List<NewInvitee> wanted, KintsugiPrincipal me) {
        Debrief debrief = editable(id, me);
        if (debrief.state() != DebriefState.SCHEDULED) {
            throw RefusedException.state("This debrief is " + debrief.state().code() + "; no one can be invited.");
        }
        List<Invitee> list = new ArrayList<>(invitees.findByDebriefIdOrderByIdAsc(id));
        add(debrief, list, wanted);
        debrief.touch(clock.instant());
        debriefs.saveAndFlush(debrief);
        events.publishEvent(new DebriefInvitationsChanged(id, debrief.sequence()));
        return view(debrief, list);
    }

    /** Take someone off the invitation: they are sent a cancellation, the others the updated invitation. */
    public DebriefView uninvite(long id, long inviteeId, KintsugiPrincipal me) {
        Debrief debrief = editable(id, me);
        if (debrief.state() != DebriefState.SCHEDULED) {
            throw RefusedException.state("This debrief is " + debrief.state().code() + "; its invitees stay.");
        }
        Invitee invitee = invitees.findById(inviteeId)
                .filter(i -> i.debriefId() == id && !i.removed())
                .orElseThrow(() -> new NotFoundException("No such invitee on debrief " + id + "."));
        if (invitee.role() == InviteeRole.FACILITATOR) {
            throw RefusedException.state("The facilitator stays invited; choose another facilitator first.");
        }
        invitee.remove();
        debrief.announce(clock.instant());
        debriefs.saveAndFlush(debrief);
        events.publishEvent(new DebriefInvitationsChanged(id, debrief.sequence()));
        return find(id);
    }

    /**
     * Suggest whom to invite to a postmortem's debrief: its authors, the writers of its shared accounts, the owners
     * of its action items, and the administrators; and the teams named on its incident.
     */
    @Transactional(readOnly = true)
    public InviteeSuggestions suggestions(@Nullable Long postmortemId) {
        Map<Long, UserView> people = new HashMap<>();
        users.all().stream().filter(UserView::active).forEach(u -> people.put(u.id(), u));
        Map<Long, List<String>> reasons = new LinkedHashMap<>();
        List<String> teams = List.of();
        if (postmortemId != null) {
            PostmortemView postmortem = postmortems.find(postmortemId);
            teams = postmortem.teams();
            reason(reasons, postmortem.owner().id(), "postmortem owner");
            postmortem.coAuthors().forEach(a -> reason(reasons, a.id(), "co-author"));
            analysis.accountWriters(postmortemId).forEach(id -> reason(reasons, id, "wrote an account"));
            actions.forPostmortem(postmortemId)
                    .forEach(a -> reason(reasons, a.owner().id(), "action owner"));
        }
        people.values().stream()
                .filter(u -> u.role() == Role.ADMIN)
                .forEach(u -> reason(reasons, u.id(), ADMINISTRATOR));
        List<InviteeSuggestions.Suggested> suggested = reasons.entrySet().stream()
                .filter(e -> people.containsKey(e.getKey()))
                .map(e -> {
                    UserView u = people.get(e.getKey());
                    return new InviteeSuggestions.Suggested(u.id(), u.displayName(), u.email(), e.getValue());
                })
                .toList();
        return new InviteeSuggestions(suggested, teams);
    }

    private static void reason(Map<Long, List<String>> reasons, long personId, String reason) {
        List<String> list = reasons.computeIfAbsent(personId, id -> new ArrayList<>());
        if (!list.contains(reason)) {
            list.add(reason);
        }
    }

    /** Return what an answer link opens. */
    @Transactional(readOnly = true)
    public AnswerLink answerLink(String token) {
        Invitee invitee = byToken(token);
        return answerLink(load(invitee.debriefId()), invitee);
    }

    /** Record an invitee's answer given through the link in their mail. */
    public AnswerLink answer(String token, Answer answer) {
        if (answer == Answer.NONE) {
            throw new InvalidInputException("a", "must be yes, no or maybe");
        }
        Invitee invitee = byToken(token);
        Debrief debrief = load(invitee.debriefId());
        if (debrief.state() == DebriefState.CANCELLED || invitee.removed()) {
            throw RefusedException.state("This debrief was cancelled, or you are no longer invited: no answer needed.");
        }
        invitee.answer(answer, clock.instant());
        invitees.saveAndFlush(invitee);
        return answerLink(debrief, invitee);
    }

    private AnswerLink answerLink(Debrief debrief, Invitee invitee) {
        return new AnswerLink(
                debrief.id(),
                debrief.title(),
                debrief.startsAt(),
                debrief.zone(),
                debrief.durationMinutes(),
                invitee.removed() ? DebriefState.CANCELLED : debrief.state(),
                invitee.name(),
                invitee.answer());
    }

    private Invitee byToken(String token) {
        if (token.length() > 64) {
            throw new NotFoundException("This answer link is not one Kintsugi sent.");
        }
        return invitees.findByAnswerToken(token)
                .orElseThrow(() -> new NotFoundException("This answer link is not one Kintsugi sent."));
    }

    private void check(DebriefDetails details, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        Instant start = details.startsAt();
        if (start.isBefore(now)) {
            problems.add(new FieldProblem("date", "and time are in the past: a debrief is scheduled ahead"));
        } else if (start.isAfter(now.plus(MAX_AHEAD))) {
            problems.add(new FieldProblem("date", "is more than two years ahead"));
        }
        UserView facilitator = users.all().stream()
                .filter(u -> u.id() == details.facilitatorId())
                .findFirst()
                .orElse(null);
        if (facilitator == null || !facilitator.active()) {
            problems.add(new FieldProblem("facilitatorId", "is not an active person of Kintsugi"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private void checkVersion(Debrief debrief, long expectedVersion) {
        if (debrief.version() != expectedVersion) {
            throw new StaleVersionException("The debrief", expectedVersion, debrief.version());
        }
    }

    private Debrief editable(long id, KintsugiPrincipal me) {
        Debrief debrief = load(id);
        if (!debrief.editableBy(me.id(), me.isAdmin())) {
            throw RefusedException.person(
                    "Only the debrief's owner, its facilitator or an administrator may change it.");
        }
        return debrief;
    }

    private Debrief load(long id) {
        return debriefs.findById(id).orElseThrow(() -> new NotFoundException("There is no debrief " + id + "."));
    }

    /** Make sure the facilitator is on the invitation as such. */
    private void seatFacilitator(Debrief debrief, List<Invitee> list) {
        UserView facilitator = users.find(debrief.facilitatorId());
        Invitee seat = list.stream()
                .filter(i -> Objects.equals(i.personId(), facilitator.id())
                        || i.email().equalsIgnoreCase(facilitator.email()))
                .findFirst()
                .orElse(null);
        if (seat == null) {
            list.add(invitees.save(new Invitee(
                    debrief.id(),
                    facilitator.id(),
                    facilitator.email(),
                    facilitator.displayName(),
                    InviteeRole.FACILITATOR)));
        } else if (seat.removed()) {
            seat.restore(InviteeRole.FACILITATOR);
        } else {
            seat.changeRole(InviteeRole.FACILITATOR);
        }
    }

    private void add(Debrief debrief, List<Invitee> list, List<NewInvitee> wanted) {
        if (wanted.size() > MAX_INVITEES) {
            throw new InvalidInputException(
                    "invitees", "are " + wanted.size() + ": a debrief may invite at most " + MAX_INVITEES);
        }
        Map<Long, UserView> byId = new HashMap<>();
        Map<String, UserView> byEmail = new HashMap<>();
        users.all().stream().filter(UserView::active).forEach(u -> {
            byId.put(u.id(), u);
            byEmail.put(u.email().toLowerCase(Locale.ROOT), u);
        });
        List<FieldProblem> problems = new ArrayList<>();
        for (int n = 0; n < wanted.size(); n++) {
            NewInvitee want = wanted.get(n);
            String field = "invitees[" + n + "]";
            UserView person;
            String email;
            if (want.personId() != null) {
                person = byId.get(want.personId());
                if (person == null) {
                    problems.add(new FieldProblem(field + ".personId", "is not an active person of Kintsugi"));
                    continue;
                }
                email = person.email();
            } else {
                String typed = want.email() == null ? "" : want.email().strip();
                String problem = Addresses.problem(typed);
                if (problem != null) {
                    problems.add(new FieldProblem(field + ".email", problem));
                    continue;
                }
                email = typed.toLowerCase(Locale.ROOT);
                person = byEmail.get(email);
            }
            Long id = person == null ? null : person.id();
            String address = email;
            Invitee already = list.stream()
                    .filter(i -> (id != null && Objects.equals(i.personId(), id))
                            || i.email().equalsIgnoreCase(address))
                    .findFirst()
                    .orElse(null);
            if (already == null) {
                String name = person == null ? address : person.displayName();
                list.add(invitees.save(new Invitee(debrief.id(), id, address, name, want.role())));
            } else if (already.removed()) {
                already.restore(want.role());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long count = list.stream().filter(i -> !i.removed()).count();
        if (count > MAX_INVITEES) {
            throw new InvalidInputException(
                    "invitees",
                    "would be " + count + " people: a debrief may invite at most " + MAX_INVITEES
                            + " (facilitator included)");
        }
        invitees.flush();
    }

    private DebriefView view(Debrief debrief, List<Invitee> list) {
        Map<Long, String> names = new HashMap<>();
        users.all().forEach(u -> names.put(u.id(), u.displayName()));
        Long postmortemId = debrief.postmortemId();
        String key = postmortemId == null
                ? null
                : postmortems.incidentKeys(List.of(postmortemId)).get(postmortemId);
        List<DebriefView.InviteeView> shown = list.stream()
                .filter(i -> !i.removed())
                .map(i -> new DebriefView.InviteeView(
                        i.id(),
                        i.personId(),
                        i.email(),
                        i.name(),
                        i.role(),
                        i.answer(),
                        i.answeredAt(),
                        delivery(debrief, i),
                        i.mailAttempts(),
                        i.mailError()))
                .toList();
        return new DebriefView(
                debrief.id(),
                debrief.uid(),
                postmortemId,
                key,
                debrief.kind(),
                debrief.title(),
                debrief.startsAt(),
                debrief.zone(),
                debrief.durationMinutes(),
                debrief.meetingLink(),
                new DebriefView.Person(debrief.facilitatorId(), names.getOrDefault(debrief.facilitatorId(), "?")),
                new DebriefView.Person(debrief.ownerId(), names.getOrDefault(debrief.ownerId(), "?")),
                debrief.state(),
                debrief.sequence(),
                shown,
                debrief.createdAt(),
                debrief.updatedAt(),
                debrief.version());
    }

    private static String delivery(Debrief debrief, Invitee invitee) {
        if (invitee.mailedSequence() >= debrief.sequence()) {
            return "sent";
        }
        return invitee.mailError() == null ? "pending" : "failing";
    }
}
