/**
 * Analyse what went wrong without blaming anyone: the blameless-language coach that reviews any text and suggests a
 * reframing for phrasing that blames or judges people, beside every editor and under the reviewer checklist.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "identity", "postmortem"})
package org.kintsugi.analysis;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
