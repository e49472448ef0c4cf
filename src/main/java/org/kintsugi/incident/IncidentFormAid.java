package org.kintsugi.incident;

import java.util.Optional;

/**
 * Help someone declaring an incident, such as past incidents like the one being typed. Another module implements it;
 * the incident module only shows its fragment under the declare form's summary. The fragment may read the form's
 * fields by their ids ({@code title}, {@code summary}, {@code impact}) and post them with the form's own token.
 */
public interface IncidentFormAid {

    /** Return the fragment shown while an incident is declared, or empty for none. */
    Optional<String> whileDeclaring();
}
