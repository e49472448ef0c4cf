package org.kintsugi.postmortem.template;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface TemplateRules extends JpaRepository<TemplateRule, Long> {

    List<TemplateRule> findAllByOrderByPositionAsc();
}
