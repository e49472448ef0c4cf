/** Keep the rules of the review: due-date rules per severity, approvals required, working zone and checklist. */
@NullMarked
package org.kintsugi.postmortem.policy;

import org.jspecify.annotations.NullMarked;
