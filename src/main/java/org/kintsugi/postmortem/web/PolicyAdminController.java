package org.kintsugi.postmortem.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import org.kintsugi.incident.Severity;
import org.kintsugi.postmortem.policy.DueRule;
import org.kintsugi.postmortem.policy.ReviewPolicy;
import org.kintsugi.shared.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins set when postmortems are due, how many approvals publishing needs, and what reviewers check. */
@Controller
@RequestMapping("/admin/postmortem-policy")
class PolicyAdminController {

    private final ReviewPolicy policy;

    PolicyAdminController(ReviewPolicy policy) {
        this.policy = policy;
    }

    @GetMapping
    String show(Model model) {
        model.addAttribute("due", policy.duePolicies());
        model.addAttribute("rules", DueRule.values());
        model.addAttribute("approvalsRequired", policy.approvalsRequired());
        model.addAttribute("workingZone", policy.workingZone().getId());
        model.addAttribute("checklist", String.join("\n", policy.checklist()));
        return "postmortem/admin/policy";
    }

    /** Change everything or nothing: one bad field leaves every setting as it was. */
    @PostMapping
    @Transactional
    String save(
            @RequestParam List<String> severity,
            @RequestParam List<String> rule,
            @RequestParam List<Integer> amount,
            @RequestParam int approvalsRequired,
            @RequestParam String workingZone,
            @RequestParam(defaultValue = "") String checklist,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            for (int i = 0; i < severity.size(); i++) {
                policy.changeDuePolicy(Severity.valueOf(severity.get(i)), DueRule.valueOf(rule.get(i)), amount.get(i));
            }
            policy.changeReview(approvalsRequired, workingZone.strip());
            policy.changeChecklist(Arrays.asList(checklist.split("\\R")));
        } catch (InvalidInputException e) {
            org.springframework.transaction.interceptor.TransactionAspectSupport.currentTransactionStatus()
                    .setRollbackOnly();
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            show(model);
            model.addAttribute("errors", e.byField());
            model.addAttribute("approvalsRequired", approvalsRequired);
            model.addAttribute("workingZone", workingZone);
            model.addAttribute("checklist", checklist);
            return "postmortem/admin/policy";
        }
        redirect.addFlashAttribute("notice", "Saved. New due dates apply to postmortems started from now on.");
        return "redirect:/admin/postmortem-policy";
    }
}
