/** The stored events of a postmortem's timeline, the entries that write them, and the durations read from them. */
@NullMarked
package org.kintsugi.postmortem.timeline;

import org.jspecify.annotations.NullMarked;
