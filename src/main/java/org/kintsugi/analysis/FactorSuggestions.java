package org.kintsugi.analysis;

import java.util.List;

/**
 * Contributing factors read from an incident's text, offered on a postmortem that has none yet (an imported one, say),
 * so its writers start from what the text says failed instead of an empty list. Another module implements it (the
 * knowledge base reads the failure mechanism from the text's meaning); without one, nothing is suggested.
 */
public interface FactorSuggestions {

    /** Return the factors the incident's text suggests, likeliest first; empty when nothing is clear enough. */
    List<Suggestion> forIncident(long incidentId);

    /**
     * One factor the text suggests.
     *
     * @param statement what contributed, as a factor states it
     * @param category the name of the built-in category it belongs in (matched without regard to case); an
     *     administrator may have renamed or retired it, and then the writer chooses
     * @param confidence how sure the reading is, from 0 to 1
     */
    record Suggestion(String statement, String category, double confidence) {}
}
