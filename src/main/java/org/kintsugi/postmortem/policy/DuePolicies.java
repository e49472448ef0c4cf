package org.kintsugi.postmortem.policy;

import org.kintsugi.incident.Severity;
import org.springframework.data.jpa.repository.JpaRepository;

interface DuePolicies extends JpaRepository<DuePolicy, Severity> {}
