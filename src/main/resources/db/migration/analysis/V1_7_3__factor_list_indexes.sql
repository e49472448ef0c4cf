-- The factor list reads the most recent incidents first and joins each to its factors.
create index ix_factor_incidents_started on factor_incidents (started_at desc, incident_id);
create index ix_contributing_factors_incident on contributing_factors (incident_id, category_id);
