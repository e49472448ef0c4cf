package org.kintsugi.analysis.coach;

/** A rule's match in a sentence: the first and last token of the phrase, why it blames and what to say instead. */
record Hit(int first, int last, String explanation, String suggestion) {}
