package org.kintsugi.action.settings;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ActionSettingsStore extends JpaRepository<ActionSettings, Integer> {}
