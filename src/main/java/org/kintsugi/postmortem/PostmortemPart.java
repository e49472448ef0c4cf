package org.kintsugi.postmortem;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.kintsugi.identity.KintsugiPrincipal;

/**
 * Structured content another module adds under a postmortem section, such as the action items under "Action items".
 * The postmortem module knows nothing of those modules; they implement this and the page and the exports show it.
 */
public interface PostmortemPart {

    /** Return the key of the section this part belongs under, e.g. {@code action-items}. */
    String sectionKey();

    /** Return the sections this part may go under instead, most fitting first, when the template lacks its own. */
    default List<String> otherSectionKeys() {
        return List.of();
    }

    /**
     * Return the heading of a section of the part's own, shown after the template's sections, for a template that has
     * none of the part's sections; empty to leave the part out of such postmortems.
     */
    default Optional<String> ownSectionHeading() {
        return Optional.empty();
    }

    /** Return the Thymeleaf fragment and its model for the postmortem's page. */
    Optional<Fragment> render(PostmortemView postmortem, KintsugiPrincipal viewer);

    /** Return this part as Markdown for the exports; empty when there is nothing to show. */
    String markdown(long postmortemId);

    /**
     * Return this part as HTML for the HTML and PDF exports when it shows more than its Markdown can, such as a
     * diagram; empty to use the Markdown. The HTML goes into the export as it is, so the part escapes what it writes.
     */
    default String html(long postmortemId) {
        return "";
    }

    /** Return whether this part fills its section, so the section counts as written even with no text. */
    default boolean fills(long postmortemId) {
        return false;
    }

    /** Return where this part goes on a postmortem with these sections; empty when it is left out. */
    default Optional<Place> place(List<PostmortemView.Section> sections) {
        Set<String> keys = sections.stream().map(PostmortemView.Section::key).collect(Collectors.toSet());
        return Stream.concat(Stream.of(sectionKey()), otherSectionKeys().stream())
                .filter(keys::contains)
                .findFirst()
                .map(key -> new Place(key, null))
                .or(() -> ownSectionHeading().map(heading -> new Place(sectionKey(), heading)));
    }

    /** A fragment to insert, with the variables it reads. */
    record Fragment(String template, Map<String, Object> model) {}

    /**
     * Where a part goes: under the template's section {@code sectionKey}, or, when {@code ownHeading} is given, in a
     * section of its own with that heading after the template's sections.
     */
    record Place(String sectionKey, @Nullable String ownHeading) {

        /** Return whether the part gets a section of its own. */
        public boolean own() {
            return ownHeading != null;
        }
    }
}
