package org.kintsugi.postmortem.review;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.postmortem.Author;

/** One reviewer's decision on one revision of a postmortem, with the checklist items they ticked. */
@Entity
@Table(name = "postmortem_reviews")
class Review {

    /** What a reviewer decided. */
    enum Decision {
        APPROVED,
        CHANGES_REQUESTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private long postmortemId;
    private int revision;
    private long reviewerId;
    private String reviewerName = "";

    @Enumerated(EnumType.STRING)
    private Decision decision = Decision.APPROVED;

    private String comment = "";
    private String checklist = "";
    private Instant at = Instant.EPOCH;

    protected Review() {}

    Review(
            long postmortemId,
            int revision,
            Author reviewer,
            Decision decision,
            String comment,
            List<String> ticked,
            Instant at) {
        this.postmortemId = postmortemId;
        this.revision = revision;
        this.reviewerId = reviewer.id();
        this.reviewerName = reviewer.name();
        this.decision = decision;
        this.comment = comment;
        this.checklist = String.join("\n", ticked);
        this.at = at;
    }

    long reviewerId() {
        return reviewerId;
    }

    Decision decision() {
        return decision;
    }

    ReviewView view() {
        List<String> ticked = checklist.isEmpty() ? List.of() : Arrays.asList(checklist.split("\n"));
        return new ReviewView(
                revision,
                new Author(reviewerId, reviewerName),
                decision == Decision.APPROVED,
                comment,
                List.copyOf(ticked),
                at);
    }
}
