package org.kintsugi.postmortem.policy;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReviewSettingsStore extends JpaRepository<ReviewSettings, Integer> {}
