package org.kintsugi.postmortem.review;

import java.time.Instant;
import java.util.Set;
import org.kintsugi.postmortem.PostmortemView;

/**
 * A postmortem as its review takes it from draft to published: who wrote it, which revision is read, and each step.
 * The postmortem itself refuses a step its status does not allow, saying why.
 */
public interface ReviewedPostmortem {

    long id();

    /** Return the revision under review, which approvals count for. */
    int revision();

    String title();

    /** Return whether this person is the owner or a co-author, who may not approve it. */
    boolean isAuthor(long userId);

    PostmortemView view();

    /** Send the draft to review; sections in {@code filledElsewhere} hold structured content and count as written. */
    void submit(Instant now, Set<String> filledElsewhere);

    /** Take it back to draft from review or approval. */
    void withdraw(Instant now);

    /** Mark it approved: enough people who did not write it approved this revision. */
    void approved(Instant now);

    /** Record an approval that is not yet enough; it stays in review. */
    void stillInReview(Instant now);

    /** Send it back to its authors as a draft, saying what should change. */
    void changesRequested(String comment, Instant now);

    /** Publish it for everyone; only an approved postmortem can be. */
    void publish(String actor, Instant now);

    /** Start a new revision of a published postmortem, as a draft. */
    void amend(Instant now);
}
