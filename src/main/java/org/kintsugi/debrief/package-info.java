/**
 * Live debrief meetings and routine retrospectives: scheduling, inviting by mail with iCalendar, and the answers;
 * phases, facilitation, voting and the summary come later.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "identity", "postmortem", "action", "analysis"})
package org.kintsugi.debrief;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
