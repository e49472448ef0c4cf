package org.kintsugi.debrief;

import java.util.List;

/**
 * Whom to invite to a postmortem's debrief: the people the incident involved, each with why (author, account writer,
 * action owner, administrator), and the teams named on it, whose addresses the owner types.
 */
public record InviteeSuggestions(List<Suggested> people, List<String> teams) {

    /** A person to suggest and the reasons, such as "author" and "action owner". */
    public record Suggested(long personId, String name, String email, List<String> reasons) {}
}
