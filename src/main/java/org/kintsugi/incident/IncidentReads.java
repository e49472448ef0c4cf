package org.kintsugi.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read incidents for display straight from the tables with plain SQL. Pages and the API read far more often than
 * anyone writes, and this path costs a fraction of loading entities; writes still go through {@link Incident}.
 */
@Component
class IncidentReads {

    private final JdbcClient jdbc;

    IncidentReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<IncidentView> find(long id) {
        List<String> services = new ArrayList<>();
        List<String> teams = new ArrayList<>();
        jdbc.sql("""
                        select 's' as list, name from incident_services where incident_id = :id
                        union all
                        select 't' as list, name from incident_teams where incident_id = :id""")
                .param("id", id)
                .query((rs, n) -> ("s".equals(rs.getString(1)) ? services : teams).add(rs.getString(2)))
                .list();
        services.sort(String.CASE_INSENSITIVE_ORDER);
        teams.sort(String.CASE_INSENSITIVE_ORDER);
        return jdbc.sql("""
                        select id, version, title, summary, kind, severity, status, impact, people_affected,
                               started_at, detected_at, acknowledged_at, mitigated_at, resolved_at,
                               declared_by, declared_at, updated_at
                        from incidents where id = :id""")
                .param("id", id)
                .query((rs, n) -> incident(rs, services, teams))
                .optional();
    }

    List<ActivityView> activity(long incidentId) {
        return jdbc.sql("""
                        select at, actor, action, field, old_value, new_value from incident_activity
                        where incident_id = :id order by at desc, id desc""")
                .param("id", incidentId)
                .query((rs, n) -> new ActivityView(
                        moment(rs, "at"),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("field"),
                        rs.getString("old_value"),
                        rs.getString("new_value")))
                .list();
    }

    private static IncidentView incident(ResultSet rs, List<String> services, List<String> teams) throws SQLException {
        long id = rs.getLong("id");
        return new IncidentView(
                id,
                IncidentKey.of(id),
                rs.getLong("version"),
                rs.getString("title"),
                rs.getString("summary"),
                IncidentKind.valueOf(rs.getString("kind")),
                Severity.valueOf(rs.getString("severity")),
                IncidentStatus.valueOf(rs.getString("status")),
                rs.getString("impact"),
                rs.getObject("people_affected", Integer.class),
                List.copyOf(services),
                List.copyOf(teams),
                new Lifecycle(
                        moment(rs, "started_at"),
                        moment(rs, "detected_at"),
                        moment(rs, "acknowledged_at"),
                        moment(rs, "mitigated_at"),
                        moment(rs, "resolved_at")),
                rs.getString("declared_by"),
                moment(rs, "declared_at"),
                moment(rs, "updated_at"));
    }

    private static @Nullable Instant moment(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
