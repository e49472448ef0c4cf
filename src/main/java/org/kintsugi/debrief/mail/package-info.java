/** The invitation mails of debriefs: iCalendar (RFC 5545 / iTIP RFC 5546) requests and cancellations, and the text. */
@NullMarked
package org.kintsugi.debrief.mail;

import org.jspecify.annotations.NullMarked;
