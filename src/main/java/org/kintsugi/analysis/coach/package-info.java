/** The blameless-language coach: rules, lexicon and tokenizer that find blaming or judging phrasing and suggest a reframing. */
@NullMarked
package org.kintsugi.analysis.coach;

import org.jspecify.annotations.NullMarked;
