package org.kintsugi.postmortem.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.incident.Severity;
import org.kintsugi.postmortem.policy.DuePolicyView;
import org.kintsugi.postmortem.policy.DueRule;
import org.kintsugi.postmortem.policy.ReviewPolicy;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.Parsing;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The postmortem policy API: due dates per severity, approvals publishing needs, the reviewer checklist. */
@RestController
@RequestMapping("/api/v1/postmortem-policy")
@Tag(name = "Postmortem policy")
class PolicyApi {

    private final ReviewPolicy policy;

    PolicyApi(ReviewPolicy policy) {
        this.policy = policy;
    }

    /** The whole policy; on PUT, parts left out stay as they are. */
    record Policy(
            @Nullable List<DueRequest> duePolicies,
            @Nullable Integer approvalsRequired,
            @Nullable String workingZone,
            @Nullable List<String> checklist) {}

    /** One severity's rule: {@code hours}, {@code working_days} or {@code not_required}, with an amount. */
    record DueRequest(
            @Nullable String severity,
            @Nullable String rule,
            @Nullable Integer amount) {

        static DueRequest of(DuePolicyView view) {
            return new DueRequest(view.severity().name(), view.rule().name().toLowerCase(), view.amount());
        }
    }

    @Operation(summary = "Read the postmortem policy")
    @GetMapping
    Policy get() {
        return new Policy(
                policy.duePolicies().stream().map(DueRequest::of).toList(),
                policy.approvalsRequired(),
                policy.workingZone().getId(),
                policy.checklist());
    }

    @Operation(summary = "Change the postmortem policy (admins)")
    @PutMapping
    Policy change(@RequestBody Policy request) {
        if (request.duePolicies() != null) {
            changeDue(request.duePolicies());
        }
        if (request.approvalsRequired() != null || request.workingZone() != null) {
            policy.changeReview(
                    request.approvalsRequired() == null ? policy.approvalsRequired() : request.approvalsRequired(),
                    request.workingZone() == null ? policy.workingZone().getId() : request.workingZone());
        }
        if (request.checklist() != null) {
            policy.changeChecklist(request.checklist());
        }
        return get();
    }

    /** Read every rule first and change nothing unless all of them can be read. */
    private void changeDue(List<DueRequest> rules) {
        List<FieldProblem> problems = new ArrayList<>();
        List<DuePolicyView> wanted = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            String at = "duePolicies[" + i + "].";
            Severity severity = Parsing.enumValue(at + "severity", rules.get(i).severity(), Severity.class, problems);
            DueRule rule = Parsing.enumValue(at + "rule", rules.get(i).rule(), DueRule.class, problems);
            Integer amount = rules.get(i).amount();
            if (severity == null || rule == null) {
                required(at + "severity", rules.get(i).severity(), problems);
                required(at + "rule", rules.get(i).rule(), problems);
            } else if (rule != DueRule.NOT_REQUIRED && (amount == null || amount < 1 || amount > 1000)) {
                problems.add(new FieldProblem(at + "amount", "must be between 1 and 1000"));
            } else {
                wanted.add(new DuePolicyView(severity, rule, amount == null ? 0 : amount));
            }
        }
        Parsing.check(problems);
        wanted.forEach(w -> policy.changeDuePolicy(w.severity(), w.rule(), w.amount()));
    }

    private static void required(String field, @Nullable String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "is required"));
        }
    }
}
