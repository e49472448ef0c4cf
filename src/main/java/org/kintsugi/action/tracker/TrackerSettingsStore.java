package org.kintsugi.action.tracker;

import org.springframework.data.jpa.repository.JpaRepository;

interface TrackerSettingsStore extends JpaRepository<TrackerSettings, String> {}
