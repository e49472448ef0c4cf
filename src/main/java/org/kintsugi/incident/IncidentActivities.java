package org.kintsugi.incident;

import org.springframework.data.jpa.repository.JpaRepository;

/** Store activity lines; they are read back with {@link IncidentReads}. */
interface IncidentActivities extends JpaRepository<IncidentActivity, Long> {}
