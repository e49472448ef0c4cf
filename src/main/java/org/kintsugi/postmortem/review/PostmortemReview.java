package org.kintsugi.postmortem.review;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.kintsugi.postmortem.Author;
import org.kintsugi.postmortem.FactorSource;
import org.kintsugi.postmortem.PostmortemChanged;
import org.kintsugi.postmortem.PostmortemPart;
import org.kintsugi.postmortem.PostmortemPublished;
import org.kintsugi.postmortem.PostmortemView;
import org.kintsugi.postmortem.policy.ReviewPolicy;
import org.kintsugi.postmortem.revision.Revision;
import org.kintsugi.postmortem.revision.RevisionSection;
import org.kintsugi.postmortem.revision.Revisions;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.RefusedException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Take a postmortem through review: submit, approve or request changes, publish, amend.
 *
 * <p>The four-eyes rule: a postmortem is approved only once enough people who did not write it have approved this
 * revision, and only an approved postmortem is published.
 */
@Service
@Transactional
public class PostmortemReview {

    private final ReviewedPostmortems postmortems;
    private final Reviews reviews;
    private final Revisions revisions;
    private final ReviewPolicy policy;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final ObjectProvider<PostmortemPart> parts;
    private final ObjectProvider<FactorSource> factorSources;
    private final Clock clock;

    PostmortemReview(
            ReviewedPostmortems postmortems,
            Reviews reviews,
            Revisions revisions,
            ReviewPolicy policy,
            ApplicationEventPublisher events,
            JsonMapper json,
            ObjectProvider<PostmortemPart> parts,
            ObjectProvider<FactorSource> factorSources,
            Clock clock) {
        this.postmortems = postmortems;
        this.reviews = reviews;
        this.revisions = revisions;
        this.policy = policy;
        this.events = events;
        this.json = json;
        this.parts = parts;
        this.factorSources = factorSources;
        this.clock = clock;
    }

    /** Send a draft for review; refused with the list of required sections still empty. */
    public PostmortemView submit(long id, Author actor) {
        ReviewedPostmortem postmortem = authored(id, actor, "submit it for review");
        List<PostmortemView.Section> sections = postmortem.view().sections();
        Set<String> filled = parts.orderedStream()
                .flatMap(part -> part.place(sections).filter(place -> !place.own()).stream()
                        .filter(place -> part.fills(id)))
                .map(PostmortemPart.Place::sectionKey)
                .collect(Collectors.toSet());
        postmortem.submit(clock.instant(), filled);
        return saved(postmortem);
    }

    /** Take a postmortem in review back to draft, to change it. */
    public PostmortemView withdraw(long id, Author actor) {
        ReviewedPostmortem postmortem = authored(id, actor, "take it back to draft");
        postmortem.withdraw(clock.instant());
        return saved(postmortem);
    }

    /** Approve the current revision, with the checklist items the reviewer checked. */
    public PostmortemView approve(long id, Author reviewer, List<String> checked, String comment) {
        ReviewedPostmortem postmortem = reviewable(id, reviewer);
        Instant now = clock.instant();
        Set<Long> approvers = approvers(postmortem);
        approvers.add(reviewer.id());
        reviews.save(new Review(
                id, postmortem.revision(), reviewer, Review.Decision.APPROVED, comment.strip(), checked, now));
        if (approvers.size() >= policy.approvalsRequired()) {
            postmortem.approved(now);
        } else {
            postmortem.stillInReview(now);
        }
        return saved(postmortem);
    }

    /** Send the postmortem back to its authors as a draft, saying what should change. */
    public PostmortemView requestChanges(long id, Author reviewer, String comment) {
        if (comment.isBlank()) {
            throw new InvalidInputException("comment", "say what should change, so the authors know what to do");
        }
        ReviewedPostmortem postmortem = reviewable(id, reviewer);
        Instant now = clock.instant();
        reviews.save(new Review(
                id,
                postmortem.revision(),
                reviewer,
                Review.Decision.CHANGES_REQUESTED,
                comment.strip(),
                List.of(),
                now));
        postmortem.changesRequested(comment.strip(), now);
        return saved(postmortem);
    }

    /** Publish an approved postmortem, keep this revision as it is, and tell the other modules. */
    public PostmortemView publish(long id, Author actor) {
        ReviewedPostmortem postmortem = postmortems.load(id);
        int approvals = approvers(postmortem).size();
        if (approvals < policy.approvalsRequired()) {
            throw RefusedException.state("Publishing needs " + policy.approvalsRequired()
                    + " approval(s) from people who did not write it; it has " + approvals + ".");
        }
        Instant now = clock.instant();
        postmortem.publish(actor.name(), now);
        revisions.save(
                new Revision(id, postmortem.revision(), postmortem.title(), snapshot(postmortem), actor.name(), now));
        PostmortemView view = saved(postmortem);
        List<PostmortemPublished.Factor> factors = factorSources
                .orderedStream()
                .flatMap(source -> source.factors(id).stream())
                .toList();
        events.publishEvent(new PostmortemPublished(
                id, view.incidentId(), view.incidentKey(), view.title(), view.revision(), actor.name(), now, factors));
        return view;
    }

    /** Start a new revision of a published postmortem; the published one stays as it was. */
    public PostmortemView amend(long id, Author actor) {
        ReviewedPostmortem postmortem = postmortems.load(id);
        postmortem.amend(clock.instant());
        return saved(postmortem);
    }

    /** Return every review of a postmortem, oldest first. */
    @Transactional(readOnly = true)
    public List<ReviewView> reviews(long id) {
        return reviews.findByPostmortemIdOrderByAtAscIdAsc(id).stream()
                .map(Review::view)
                .toList();
    }

    private Set<Long> approvers(ReviewedPostmortem postmortem) {
        return reviews.findByPostmortemIdAndRevision(postmortem.id(), postmortem.revision()).stream()
                .filter(r -> r.decision() == Review.Decision.APPROVED)
                .filter(r -> !postmortem.isAuthor(r.reviewerId()))
                .map(Review::reviewerId)
                .collect(Collectors.toSet());
    }

    private ReviewedPostmortem authored(long id, Author actor, String what) {
        ReviewedPostmortem postmortem = postmortems.load(id);
        if (!postmortem.isAuthor(actor.id())) {
            throw RefusedException.person("Only the owner and co-authors may " + what + ".");
        }
        return postmortem;
    }

    private ReviewedPostmortem reviewable(long id, Author reviewer) {
        ReviewedPostmortem postmortem = postmortems.load(id);
        if (postmortem.isAuthor(reviewer.id())) {
            throw RefusedException.person("You are an author of this postmortem. The four-eyes rule asks for a review"
                    + " by someone who did not write it.");
        }
        return postmortem;
    }

    private String snapshot(ReviewedPostmortem postmortem) {
        List<RevisionSection> sections = postmortem.view().sections().stream()
                .map(s -> new RevisionSection(s.key(), s.heading(), s.body()))
                .toList();
        return json.writeValueAsString(sections);
    }

    private PostmortemView saved(ReviewedPostmortem postmortem) {
        postmortems.flush();
        PostmortemView view = postmortem.view();
        events.publishEvent(new PostmortemChanged(view.id(), view.incidentId()));
        return view;
    }
}
