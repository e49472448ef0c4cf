/**
 * Share what was learned beyond the document: every published postmortem and every debrief summary its facilitator shares goes out
 * to chat channels administrators configure and by mail to the people who subscribed, reliably and with retries; an
 * Atom feed per person; and a monthly learning review to read together.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "identity", "incident", "postmortem", "debrief"})
package org.kintsugi.sharing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
