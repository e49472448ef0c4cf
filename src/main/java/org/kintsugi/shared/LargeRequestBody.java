package org.kintsugi.shared;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A kind of request that may carry a larger body than {@code kintsugi.limits.request-body} allows, such as an archive
 * upload: a module that takes one declares it as a bean, and {@code BodyLimitFilter} holds it to its own limit.
 */
public interface LargeRequestBody {

    /** Return whether the request is one of this kind. */
    boolean covers(HttpServletRequest request);

    /** Return the most bytes its body may have. */
    long max();

    /** Return the limit's setting under {@code kintsugi.limits}, e.g. {@code archive-upload}. */
    String setting();

    /** Return the request field the body is read into, named when it is refused. */
    String field();
}
