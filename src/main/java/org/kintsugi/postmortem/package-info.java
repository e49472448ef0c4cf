/**
 * Write the record of an incident from a template: sections, timeline, due dates, four-eyes review, publishing and
 * export.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "identity", "incident"})
package org.kintsugi.postmortem;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
