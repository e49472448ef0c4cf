/**
 * Analyse what went wrong without blaming anyone: each participant's own account of the incident, five-whys trees with
 * votes and a chosen path, contributing factors in an administrators' taxonomy, and the blameless-language coach that
 * reviews any text, beside every editor and under the reviewer checklist, and suggests a reframing for phrasing that
 * blames or judges people.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "identity", "incident", "postmortem", "action"})
package org.kintsugi.analysis;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
