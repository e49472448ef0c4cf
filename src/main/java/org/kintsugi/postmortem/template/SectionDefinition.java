package org.kintsugi.postmortem.template;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One section a template asks for.
 *
 * @param key a stable, URL-safe name such as {@code root-causes}, unique within its template
 * @param heading what the section is called on the page
 * @param guidance the prompt that helps the writer fill the section in
 * @param required whether the postmortem can go to review with this section empty
 */
@Embeddable
public record SectionDefinition(
        @Column(name = "section_key") String key, String heading, String guidance, boolean required) {

    public static SectionDefinition required(String key, String heading, String guidance) {
        return new SectionDefinition(key, heading, guidance, true);
    }

    public static SectionDefinition optional(String key, String heading, String guidance) {
        return new SectionDefinition(key, heading, guidance, false);
    }
}
