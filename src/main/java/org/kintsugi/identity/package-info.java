/** People and access: users with roles, the first administrator, login, API tokens. */
@NullMarked
@ApplicationModule(allowedDependencies = "shared")
package org.kintsugi.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
