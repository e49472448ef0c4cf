package org.kintsugi.postmortem;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Templates extends JpaRepository<Template, Long> {

    List<Template> findAllByOrderByPositionAscIdAsc();

    Optional<Template> findByBuiltin(String builtin);

    @Query("select new org.kintsugi.postmortem.TemplateChoice(t.id, t.name) from Template t"
            + " where t.retired = false order by t.position, t.id")
    List<TemplateChoice> choices();
}
