package org.kintsugi.postmortem;

import org.kintsugi.postmortem.review.ReviewedPostmortem;
import org.kintsugi.postmortem.review.ReviewedPostmortems;
import org.springframework.stereotype.Component;

/**
 * Hand the review, in its own package, the postmortems it takes from draft to published, so that the aggregate and its
 * repository stay private to this package.
 */
@Component
class PostmortemsInReview implements ReviewedPostmortems {

    private final PostmortemManagement management;
    private final Postmortems postmortems;

    PostmortemsInReview(PostmortemManagement management, Postmortems postmortems) {
        this.management = management;
        this.postmortems = postmortems;
    }

    @Override
    public ReviewedPostmortem load(long id) {
        return management.load(id);
    }

    @Override
    public void flush() {
        postmortems.flush();
    }
}
