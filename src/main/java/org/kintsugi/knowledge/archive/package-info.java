/**
 * Bring whole archives of old postmortems in: uploads stored before they are acknowledged, imported in the background
 * one file at a time, with a report per file.
 */
@NullMarked
package org.kintsugi.knowledge.archive;

import org.jspecify.annotations.NullMarked;
