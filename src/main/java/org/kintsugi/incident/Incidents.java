package org.kintsugi.incident;

import org.springframework.data.jpa.repository.JpaRepository;

/** The incidents to change; lists and pages read through {@link IncidentListing} and {@link IncidentReads}. */
interface Incidents extends JpaRepository<Incident, Long> {}
