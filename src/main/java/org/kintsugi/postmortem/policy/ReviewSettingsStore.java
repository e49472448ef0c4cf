package org.kintsugi.postmortem.policy;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ReviewSettingsStore extends JpaRepository<ReviewSettings, Integer> {}
