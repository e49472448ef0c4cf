/**
 * Make everything people wrote findable again: one search index over incidents and their postmortems, facets and
 * filters, similar past incidents ("another one of those"), and bringing whole archives of old postmortems in.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "identity", "incident", "postmortem", "analysis", "action"})
package org.kintsugi.knowledge;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
