/** The reviewers' decisions on each revision of a postmortem. */
@NullMarked
package org.kintsugi.postmortem.review;

import org.jspecify.annotations.NullMarked;
