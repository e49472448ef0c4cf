package org.kintsugi.action;

import org.springframework.data.jpa.repository.JpaRepository;

interface ActionSettingsStore extends JpaRepository<ActionSettings, Integer> {}
