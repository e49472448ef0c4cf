/** Declare, track and resolve incidents of every kind: outages, process and people incidents alike. */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "identity"})
package org.kintsugi.incident;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
