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
        return jdbc.sql("""
                        select i.id, i.version, i.title, i.summary, i.kind, i.severity, i.status, i.impact,
                               i.people_affected, i.started_at, i.detected_at, i.acknowledged_at, i.mitigated_at,
                               i.resolved_at, i.declared_by, i.declared_at, i.updated_at, t.list, t.name
                        from incidents i
                        left join (select 's' as list, incident_id, name from incident_services
                                   union all
                                   select 't' as list, incident_id, name from incident_teams) t
                               on t.incident_id = i.id
                        where i.id = :id""").param("id", id).query(IncidentReads::incident);
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

    /** Read the incident from its first row, and its services and teams from the tag columns of every row. */
    private static Optional<IncidentView> incident(ResultSet rs) throws SQLException {
        if (!rs.next()) {
            return Optional.empty();
        }
        IncidentView incident = row(rs);
        List<String> services = new ArrayList<>();
        List<String> teams = new ArrayList<>();
        do {
            String list = rs.getString("list");
            if (list != null) {
                (list.equals("s") ? services : teams).add(rs.getString("name"));
            }
        } while (rs.next());
        services.sort(String.CASE_INSENSITIVE_ORDER);
        teams.sort(String.CASE_INSENSITIVE_ORDER);
        return Optional.of(new IncidentView(
                incident.id(),
                incident.key(),
                incident.version(),
                incident.title(),
                incident.summary(),
                incident.kind(),
                incident.severity(),
                incident.status(),
                incident.impact(),
                incident.peopleAffected(),
                List.copyOf(services),
                List.copyOf(teams),
                incident.lifecycle(),
                incident.declaredBy(),
                incident.declaredAt(),
                incident.updatedAt()));
    }

    static IncidentView row(ResultSet rs) throws SQLException {
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
                List.of(),
                List.of(),
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
