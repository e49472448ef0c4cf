/** Stored settings of the follow-up: soak time, commit threshold, verification delay and reminder timing. */
@NullMarked
package org.kintsugi.action.settings;

import org.jspecify.annotations.NullMarked;
