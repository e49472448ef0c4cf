/** The daily digest of action items mailed to each person. */
@NullMarked
package org.kintsugi.action.digest;

import org.jspecify.annotations.NullMarked;
