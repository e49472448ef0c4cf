/** Read postmortems written elsewhere: Markdown documents with their timelines, and chat transcripts. */
@NullMarked
package org.kintsugi.postmortem.importing;

import org.jspecify.annotations.NullMarked;
