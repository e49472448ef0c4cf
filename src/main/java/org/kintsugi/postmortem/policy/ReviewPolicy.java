package org.kintsugi.postmortem.policy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.kintsugi.incident.Severity;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keep the rules postmortems are held to: when each is due, how many approvals publishing needs, what reviewers check. */
@Service
@Transactional
public class ReviewPolicy {

    private final DuePolicies duePolicies;
    private final ReviewSettingsStore settings;
    private final Checklist checklist;
    private final ApplicationEventPublisher events;

    ReviewPolicy(
            DuePolicies duePolicies,
            ReviewSettingsStore settings,
            Checklist checklist,
            ApplicationEventPublisher events) {
        this.duePolicies = duePolicies;
        this.settings = settings;
        this.checklist = checklist;
        this.events = events;
    }

    /** Return the due-date rule of every severity, SEV1 first. */
    @Transactional(readOnly = true)
    public List<DuePolicyView> duePolicies() {
        return Arrays.stream(Severity.values()).map(this::duePolicy).toList();
    }

    /** Return the due-date rule for one severity. */
    @Transactional(readOnly = true)
    public DuePolicyView duePolicy(Severity severity) {
        return duePolicies
                .findById(severity)
                .map(DuePolicy::view)
                .orElseGet(() -> new DuePolicyView(severity, DueRule.NOT_REQUIRED, 0));
    }

    /** Return when a postmortem for an incident of this severity, resolved at this moment, is due. */
    @Transactional(readOnly = true)
    public Optional<Instant> due(Severity severity, Instant resolvedAt) {
        return duePolicy(severity).due(resolvedAt, workingZone());
    }

    /** Change the due-date rule of one severity. */
    public DuePolicyView changeDuePolicy(Severity severity, DueRule rule, int amount) {
        changing();
        if (rule != DueRule.NOT_REQUIRED && (amount < 1 || amount > 1000)) {
            throw new InvalidInputException("duePolicies." + severity.name() + ".amount", "must be between 1 and 1000");
        }
        DuePolicy policy = duePolicies.findById(severity).orElseGet(() -> new DuePolicy(severity, rule, amount));
        policy.change(rule, rule == DueRule.NOT_REQUIRED ? 0 : amount);
        return duePolicies.saveAndFlush(policy).view();
    }

    /** Return how many people who did not write a postmortem must approve it before it can be published. */
    @Transactional(readOnly = true)
    public int approvalsRequired() {
        return current().approvalsRequired();
    }

    /** Return the zone whose calendar decides which days are working days. */
    @Transactional(readOnly = true)
    public ZoneId workingZone() {
        return ZoneId.of(current().workingZone());
    }

    /** Change the number of approvals publishing needs and the working-day zone. */
    public void changeReview(int approvalsRequired, String workingZone) {
        changing();
        List<FieldProblem> problems = new ArrayList<>();
        if (approvalsRequired < 1 || approvalsRequired > 10) {
            problems.add(new FieldProblem("approvalsRequired", "must be between 1 and 10 (the four-eyes rule)"));
        }
        try {
            ZoneId.of(workingZone);
        } catch (DateTimeException e) {
            problems.add(new FieldProblem("workingZone", "is not a time zone, e.g. Europe/Berlin or UTC"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ReviewSettings current = current();
        current.change(approvalsRequired, workingZone);
        settings.saveAndFlush(current);
    }

    /** Return what reviewers check before approving. */
    @Transactional(readOnly = true)
    public List<String> checklist() {
        return checklist.findAllByOrderByPositionAsc().stream()
                .map(ChecklistItem::text)
                .toList();
    }

    /** Replace the reviewer checklist; blank lines are dropped. */
    public List<String> changeChecklist(List<String> items) {
        List<String> kept =
                items.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        for (int i = 0; i < kept.size(); i++) {
            if (kept.get(i).length() > 300) {
                throw new InvalidInputException("checklist[" + i + "]", "is longer than 300 characters");
            }
        }
        checklist.deleteAllInBatch();
        for (int i = 0; i < kept.size(); i++) {
            checklist.save(new ChecklistItem(i + 1, kept.get(i)));
        }
        checklist.flush();
        return checklist();
    }

    /** Say that the due-date rules or the review settings change, so what is kept of them is read again. */
    private void changing() {
        events.publishEvent(new ReviewPolicyChanged());
    }

    private ReviewSettings current() {
        return settings.findById(ReviewSettings.ID).orElseThrow();
    }
}
