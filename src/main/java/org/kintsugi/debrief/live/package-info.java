/** The live side of a debrief's room: Server-Sent Events to every open browser, fanned out across nodes. */
@NullMarked
package org.kintsugi.debrief.live;

import org.jspecify.annotations.NullMarked;
