/** Contributing factors: marked on why-answers or written directly, in categories administrators keep. */
@NullMarked
package org.kintsugi.analysis.factors;

import org.jspecify.annotations.NullMarked;
