package org.kintsugi.postmortem;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface Postmortems extends JpaRepository<Postmortem, Long>, JpaSpecificationExecutor<Postmortem> {

    Optional<Postmortem> findByIncidentId(long incidentId);
}
