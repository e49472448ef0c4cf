package org.kintsugi.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kintsugi.incident.IncidentKind;
import org.kintsugi.incident.Severity;
import org.kintsugi.postmortem.policy.DuePolicyView;
import org.kintsugi.postmortem.policy.DueRule;
import org.kintsugi.postmortem.policy.ReviewPolicy;
import org.kintsugi.postmortem.template.TemplateCatalogue;
import org.kintsugi.postmortem.template.TemplateRuleView;
import org.kintsugi.postmortem.template.TemplateView;
import org.kintsugi.support.KintsugiAppTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What an incident's page offers for starting a postmortem is kept for a few seconds, yet an administrator who changes
 * the templates' rules or the due-date rules sees the change on the next incident page at once.
 */
@KintsugiAppTest
class StartOptionsTests {

    @Autowired
    PostmortemManagement postmortems;

    @Autowired
    TemplateCatalogue templates;

    @Autowired
    ReviewPolicy policy;

    @Test
    void offersTheTemplateANewRulePicksAtOnce() {
        List<TemplateRuleView> before = templates.rules();
        long chosenBefore =
                postmortems.startOptions(IncidentKind.SECURITY, Severity.SEV3).chosen();
        TemplateView other = templates.active().stream()
                .filter(t -> t.id() != chosenBefore)
                .findFirst()
                .orElseThrow();
        try {
            templates.replaceRules(List.of(new TemplateRuleView(null, null, other.id())));

            assertThat(postmortems
                            .startOptions(IncidentKind.SECURITY, Severity.SEV3)
                            .chosen())
                    .isEqualTo(other.id());
        } finally {
            templates.replaceRules(before);
        }
    }

    @Test
    void offersTheDueDateOfANewDueRuleAtOnce() {
        DuePolicyView before = policy.duePolicy(Severity.SEV3);
        postmortems.startOptions(IncidentKind.SECURITY, Severity.SEV3);
        DueRule other = before.rule() == DueRule.HOURS ? DueRule.WORKING_DAYS : DueRule.HOURS;
        try {
            policy.changeDuePolicy(Severity.SEV3, other, 17);

            assertThat(postmortems
                            .startOptions(IncidentKind.SECURITY, Severity.SEV3)
                            .rule())
                    .isEqualTo(new DuePolicyView(Severity.SEV3, other, 17));
        } finally {
            policy.changeDuePolicy(Severity.SEV3, before.rule(), before.amount());
        }
    }
}
