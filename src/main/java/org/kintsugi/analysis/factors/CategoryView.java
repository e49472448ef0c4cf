package org.kintsugi.analysis.factors;

/**
 * A category of contributing factors.
 *
 * @param retired whether it is kept only for the factors already in it; new factors cannot choose it
 * @param factors how many factors are in it
 */
public record CategoryView(long id, String name, boolean retired, long factors) {}
