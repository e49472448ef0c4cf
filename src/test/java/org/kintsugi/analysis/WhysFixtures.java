package org.kintsugi.analysis;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.analysis.whys.Evidence;
import org.kintsugi.analysis.whys.WhyAnswer;
import org.kintsugi.identity.UserView;
import org.kintsugi.incident.IncidentDetails;
import org.kintsugi.incident.IncidentKind;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.incident.Severity;
import org.kintsugi.postmortem.Author;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.postmortem.PostmortemView;
import org.kintsugi.postmortem.template.TemplateChoice;

/** Incidents with a postmortem from a chosen template, and why-answers, for the five-whys and factor tests. */
public final class WhysFixtures {

    public static final String IMPACT = "Customers could not pay for 52 minutes.";

    private WhysFixtures() {}

    /** A resolved system SEV2 incident of this team with a postmortem from the named template (null: the rules'). */
    public static PostmortemView postmortem(
            IncidentManagement incidents,
            PostmortemManagement postmortems,
            UserView owner,
            @Nullable String template,
            String team) {
        return postmortem(
                incidents,
                postmortems,
                owner,
                template,
                team,
                IncidentKind.SYSTEM,
                Severity.SEV2,
                Instant.now().minus(3, ChronoUnit.HOURS));
    }

    /** An incident as described, resolved an hour after it started, with its postmortem. */
    public static PostmortemView postmortem(
            IncidentManagement incidents,
            PostmortemManagement postmortems,
            UserView owner,
            @Nullable String template,
            String team,
            IncidentKind kind,
            Severity severity,
            Instant started) {
        Instant start = started.truncatedTo(ChronoUnit.MINUTES);
        String key = incidents
                .declare(
                        new IncidentDetails(
                                "Checkout failed for " + team,
                                "",
                                kind,
                                severity,
                                IMPACT,
                                null,
                                List.of(),
                                List.of(team),
                                start,
                                null,
                                null,
                                null,
                                start.plus(1, ChronoUnit.HOURS)),
                        owner.displayName())
                .key();
        Long templateId = template == null
                ? null
                : postmortems.startOptions(kind, severity).templates().stream()
                        .filter(t -> t.name().equals(template))
                        .map(TemplateChoice::id)
                        .findFirst()
                        .orElseThrow();
        return postmortems.start(key, templateId, as(owner));
    }

    public static WhyAnswer answer(String text, Evidence... evidence) {
        return new WhyAnswer(text, List.of(evidence));
    }

    public static Author as(UserView person) {
        return new Author(person.id(), person.displayName());
    }
}
