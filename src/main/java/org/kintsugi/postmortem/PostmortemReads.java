package org.kintsugi.postmortem;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kintsugi.incident.IncidentKind;
import org.kintsugi.incident.Severity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read what an incident's page shows of its postmortem with plain SQL. Every view of an incident asks this, so it
 * costs a few indexed queries rather than loading entities.
 */
@Component
class PostmortemReads {

    private final JdbcClient jdbc;

    PostmortemReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PostmortemSummary> summary(long incidentId) {
        return jdbc.sql("""
                        select id, status, template_name, owner_name, revision, due_at, published_at
                        from postmortems where incident_id = :id""")
                .param("id", incidentId)
                .query((rs, n) -> new PostmortemSummary(
                        rs.getLong("id"),
                        PostmortemStatus.valueOf(rs.getString("status")),
                        rs.getString("template_name"),
                        rs.getString("owner_name"),
                        rs.getInt("revision"),
                        instant(rs.getTimestamp("due_at")),
                        instant(rs.getTimestamp("published_at"))))
                .optional();
    }

    StartOptions startOptions(IncidentKind kind, Severity severity) {
        DuePolicyView rule = jdbc.sql("select rule, amount from postmortem_due_policies where severity = :severity")
                .param("severity", severity.name())
                .query((rs, n) ->
                        new DuePolicyView(severity, DueRule.valueOf(rs.getString("rule")), rs.getInt("amount")))
                .optional()
                .orElse(new DuePolicyView(severity, DueRule.NOT_REQUIRED, 0));
        String zone = jdbc.sql("select working_zone from postmortem_settings where id = 1")
                .query(String.class)
                .single();
        List<TemplateChoice> templates = jdbc.sql(
                        "select id, name from postmortem_templates where retired = false order by position, id")
                .query((rs, n) -> new TemplateChoice(rs.getLong("id"), rs.getString("name")))
                .list();
        return new StartOptions(rule, ZoneId.of(zone), templates, chosen(kind, severity, templates));
    }

    /** Return the template of the first rule that matches and is still active; else the first active template. */
    private long chosen(IncidentKind kind, Severity severity, List<TemplateChoice> active) {
        List<Long> ruled = jdbc.sql("""
                        select template_id from postmortem_template_rules
                        where (kind is null or kind = :kind) and (severity is null or severity = :severity)
                        order by position""")
                .param("kind", kind.name())
                .param("severity", severity.name())
                .query(Long.class)
                .list();
        return ruled.stream()
                .filter(id -> active.stream().anyMatch(t -> t.id() == id))
                .findFirst()
                .orElse(active.isEmpty() ? 0 : active.getFirst().id());
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
