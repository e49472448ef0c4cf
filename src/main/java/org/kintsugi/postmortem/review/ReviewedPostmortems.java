package org.kintsugi.postmortem.review;

/** The postmortems a review takes through its steps, as the postmortem module hands them over. */
public interface ReviewedPostmortems {

    /** Return the postmortem, or fail with "not found" when there is none. */
    ReviewedPostmortem load(long id);

    /** Write the steps taken so far, so that a concurrent change is refused now rather than at commit. */
    void flush();
}
