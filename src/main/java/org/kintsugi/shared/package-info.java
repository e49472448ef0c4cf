/** Small building blocks every module may use: field problems, version tags, the clock. */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package org.kintsugi.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
