package org.kintsugi.postmortem;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReviewSettingsStore extends JpaRepository<ReviewSettings, Integer> {}
