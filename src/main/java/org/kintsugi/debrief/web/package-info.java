/** The debrief pages, the answer links of the invitation mails, and the debrief API. */
@NullMarked
package org.kintsugi.debrief.web;

import org.jspecify.annotations.NullMarked;
