package org.kintsugi.sharing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.LongConsumer;
import org.kintsugi.identity.UserView;
import org.kintsugi.incident.IncidentDetails;
import org.kintsugi.incident.IncidentKind;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.incident.Severity;
import org.kintsugi.postmortem.Author;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.postmortem.PostmortemView;
import org.kintsugi.postmortem.review.PostmortemReview;

/** Postmortems taken all the way to published, the way their authors and a reviewer would. */
final class SharingFixtures {

    private SharingFixtures() {}

    /** An incident of these team, service and severity, its postmortem written, reviewed and published. */
    static PostmortemView published(
            IncidentManagement incidents,
            PostmortemManagement postmortems,
            PostmortemReview review,
            UserView owner,
            UserView reviewer,
            String title,
            Severity severity,
            String team,
            String service,
            Instant now) {
        return published(
                incidents, postmortems, review, owner, reviewer, title, severity, team, service, now, id -> {});
    }

    /** The same, with {@code beforeReview} given the postmortem's id once it is written, e.g. to name factors. */
    static PostmortemView published(
            IncidentManagement incidents,
            PostmortemManagement postmortems,
            PostmortemReview review,
            UserView owner,
            UserView reviewer,
            String title,
            Severity severity,
            String team,
            String service,
            Instant now,
            LongConsumer beforeReview) {
        Instant started = now.minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        String key = incidents
                .declare(
                        new IncidentDetails(
                                title,
                                "",
                                IncidentKind.SYSTEM,
                                severity,
                                "Customers could not pay for an hour.",
                                null,
                                List.of(service),
                                List.of(team),
                                started,
                                null,
                                null,
                                null,
                                started.plus(1, ChronoUnit.HOURS)),
                        owner.displayName())
                .key();
        Author author = new Author(owner.id(), owner.displayName());
        long id = postmortems.start(key, null, author).id();
        for (PostmortemView.Section section : postmortems.find(id).sections()) {
            String body = switch (section.key()) {
                case "summary" -> "Checkout failed for an hour because a certificate expired.";
                case "lessons-learned" -> "Certificates need an owner and an alert **before** they expire.";
                default -> "Written for " + section.heading() + ".";
            };
            postmortems.write(id, section.key(), section.version(), body, owner.displayName());
        }
        beforeReview.accept(id);
        review.submit(id, author);
        review.approve(id, new Author(reviewer.id(), reviewer.displayName()), List.of(), "");
        return review.publish(id, new Author(reviewer.id(), reviewer.displayName()));
    }
}
