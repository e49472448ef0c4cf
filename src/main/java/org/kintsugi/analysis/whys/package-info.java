/** Five whys as a tree: answers with evidence, votes within a budget, the chosen path, and the tree drawn as SVG. */
@NullMarked
package org.kintsugi.analysis.whys;

import org.jspecify.annotations.NullMarked;
