/** Published revisions of a postmortem and how one differs from another. */
@NullMarked
package org.kintsugi.postmortem.revision;

import org.jspecify.annotations.NullMarked;
