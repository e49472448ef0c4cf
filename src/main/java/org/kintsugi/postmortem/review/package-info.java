/**
 * Take a postmortem through review under the four-eyes rule, from draft to published, and keep each reviewer's decision
 * on each revision.
 */
@NullMarked
package org.kintsugi.postmortem.review;

import org.jspecify.annotations.NullMarked;
