package org.kintsugi.analysis.account;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.identity.UserView;
import org.kintsugi.incident.IncidentDetails;
import org.kintsugi.incident.IncidentKind;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.incident.Severity;
import org.kintsugi.postmortem.Author;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.postmortem.template.TemplateCatalogue;

/** A postmortem to write accounts of, and entries to put in them. */
public final class AccountFixtures {

    /** When the incident of the fixtures' postmortems started. */
    public static final Instant STARTED = Instant.parse("2026-11-19T14:00:00Z");

    private AccountFixtures() {}

    /**
     * Declare a resolved incident and start its postmortem, owned by {@code owner}, from the template named (such as
     * {@code Blameless debrief}, which has a "Participants' accounts" section) or, with {@code null}, the one the rules
     * pick; return the postmortem's id.
     */
    public static long postmortem(
            IncidentManagement incidents,
            PostmortemManagement postmortems,
            TemplateCatalogue templates,
            UserView owner,
            String title,
            @Nullable String template) {
        String key = incidents
                .declare(
                        new IncidentDetails(
                                title,
                                "",
                                IncidentKind.SYSTEM,
                                Severity.SEV2,
                                "Checkout failed for a third of customers.",
                                null,
                                List.of(),
                                List.of("Payments"),
                                STARTED,
                                null,
                                null,
                                null,
                                STARTED.plus(1, ChronoUnit.HOURS)),
                        owner.displayName())
                .key();
        Long templateId = template == null
                ? null
                : templates.active().stream()
                        .filter(t -> t.name().equals(template))
                        .findFirst()
                        .orElseThrow()
                        .id();
        return postmortems
                .start(key, templateId, new Author(owner.id(), owner.displayName()))
                .id();
    }

    /** Return an entry this many minutes after the incident started. */
    public static EntryDraft at(int minutes, EntryKind kind, String text) {
        return new EntryDraft(STARTED.plus(minutes, ChronoUnit.MINUTES), kind, text);
    }

    /** Return the person as the writer of an account. */
    public static Author as(UserView person) {
        return new Author(person.id(), person.displayName());
    }
}
