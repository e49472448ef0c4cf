package org.kintsugi.analysis.coach;

/**
 * One phrase the coach points out: where it is (character offsets, end exclusive), what it says, why it reads as blame
 * and a reframing or question to use instead.
 */
public record Finding(
        int start, int end, String text, Category category, String rule, String explanation, String suggestion) {}
