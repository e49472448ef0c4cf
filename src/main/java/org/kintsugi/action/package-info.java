/**
 * Follow every postmortem action until it is done and shown to work: one owner, a due date, soak time before it is
 * committed, sub-steps, verification and a history of every change.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "identity", "postmortem"})
package org.kintsugi.action;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
