/** The sharing module's pages, its API and the Atom feed. */
@NullMarked
package org.kintsugi.sharing.web;

import org.jspecify.annotations.NullMarked;
