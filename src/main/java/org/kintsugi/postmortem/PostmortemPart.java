package org.kintsugi.postmortem;

import java.util.Map;
import java.util.Optional;
import org.kintsugi.identity.KintsugiPrincipal;

/**
 * Structured content another module adds under a postmortem section, such as the action items under "Action items".
 * The postmortem module knows nothing of those modules; they implement this and the page and the exports show it.
 */
public interface PostmortemPart {

    /** Return the key of the section this part belongs under, e.g. {@code action-items}. */
    String sectionKey();

    /** Return the Thymeleaf fragment and its model for the postmortem's page. */
    Optional<Fragment> render(PostmortemView postmortem, KintsugiPrincipal viewer);

    /** Return this part as Markdown for the exports; empty when there is nothing to show. */
    String markdown(long postmortemId);

    /**
     * Return the heading to show this part under, on the page, when the postmortem's template has no section with its
     * key; empty (the default) leaves the part out of such postmortems.
     */
    default Optional<String> headingWithoutSection() {
        return Optional.empty();
    }

    /** Return whether this part fills its section, so the section counts as written even with no text. */
    default boolean fills(long postmortemId) {
        return false;
    }

    /** A fragment to insert, with the variables it reads. */
    record Fragment(String template, Map<String, Object> model) {}
}
