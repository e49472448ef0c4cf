package org.kintsugi.incident;

import java.util.Map;
import java.util.Optional;
import org.kintsugi.identity.KintsugiPrincipal;

/**
 * A part of an incident's page that another module draws, such as its postmortem. The incident module knows nothing
 * of those modules; they implement this and the page shows what they return, in the sidebar.
 */
public interface IncidentPageSection {

    /** Return the Thymeleaf fragment (e.g. {@code postmortem/fragments/incident :: panel}) and its model, if any. */
    Optional<Fragment> render(IncidentView incident, KintsugiPrincipal viewer);

    /** A fragment to insert, with the variables it reads. */
    record Fragment(String template, Map<String, Object> model) {}
}
