/** The live room of a debrief: phases, cards, themes, dot votes, presence and proposals, all kept in the database. */
@NullMarked
package org.kintsugi.debrief.room;

import org.jspecify.annotations.NullMarked;
