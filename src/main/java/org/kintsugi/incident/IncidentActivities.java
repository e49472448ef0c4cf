package org.kintsugi.incident;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface IncidentActivities extends JpaRepository<IncidentActivity, Long> {

    List<IncidentActivity> findByIncidentIdOrderByAtDescIdDesc(long incidentId);
}
