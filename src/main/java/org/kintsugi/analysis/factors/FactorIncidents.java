package org.kintsugi.analysis.factors;

import java.time.ZoneOffset;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.incident.IncidentRevised;
import org.kintsugi.incident.IncidentView;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keep a copy of what the factor pages filter on of each incident with factors (kind, severity, teams, start), so a
 * search across postmortems is one query; the copy follows the incident as it is revised.
 */
@Component
class FactorIncidents {

    private final JdbcClient jdbc;
    private final IncidentManagement incidents;
    private final TransactionTemplate ownTransaction;

    FactorIncidents(JdbcClient jdbc, IncidentManagement incidents, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.incidents = incidents;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Copy the incident's details, adding its row if it has none. */
    void keep(long incidentId) {
        IncidentView incident = incidents.find(incidentId);
        if (update(incident) == 0) {
            try {
                // In a transaction of its own: when two first factors of one incident race, the loser's duplicate key
                // does not spoil the transaction it is saving its factor in.
                ownTransaction.executeWithoutResult(status -> jdbc.sql(
                                "insert into factor_incidents (incident_id,"
                                        + " incident_key, title, kind, severity, teams, started_at) values (?, ?, ?, ?, ?, ?, ?)")
                        .params(
                                incident.id(),
                                incident.key(),
                                incident.title(),
                                incident.kind().name(),
                                incident.severity().name(),
                                teams(incident),
                                started(incident))
                        .update());
            } catch (DataIntegrityViolationException e) {
                update(incident);
            }
        }
    }

    @ApplicationModuleListener
    void on(IncidentRevised revised) {
        boolean kept = jdbc.sql("select count(*) from factor_incidents where incident_id = ?")
                        .param(revised.incidentId())
                        .query(Integer.class)
                        .single()
                > 0;
        if (kept) {
            update(incidents.find(revised.incidentId()));
        }
    }

    private int update(IncidentView incident) {
        return jdbc.sql("update factor_incidents set incident_key = ?, title = ?, kind = ?, severity = ?, teams = ?,"
                        + " started_at = ? where incident_id = ?")
                .params(
                        incident.key(),
                        incident.title(),
                        incident.kind().name(),
                        incident.severity().name(),
                        teams(incident),
                        started(incident),
                        incident.id())
                .update();
    }

    private static java.time.OffsetDateTime started(IncidentView incident) {
        java.time.Instant started = incident.lifecycle().startedAt();
        return (started == null ? incident.declaredAt() : started).atOffset(ZoneOffset.UTC);
    }

    private static String teams(IncidentView incident) {
        return incident.teams().isEmpty() ? "" : "|" + String.join("|", incident.teams()) + "|";
    }
}
