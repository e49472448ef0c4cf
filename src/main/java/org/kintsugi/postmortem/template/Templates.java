package org.kintsugi.postmortem.template;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface Templates extends JpaRepository<Template, Long> {

    List<Template> findAllByOrderByPositionAscIdAsc();

    Optional<Template> findByBuiltin(String builtin);
}
