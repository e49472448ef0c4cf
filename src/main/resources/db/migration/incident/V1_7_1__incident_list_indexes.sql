-- Indexes in the order each sort of the incident list reads, ending on the id that breaks ties, so the first page is
-- read from the front of an index and stops after its rows instead of sorting every match.
create index ix_incidents_newest on incidents (started_at desc, id desc);
create index ix_incidents_updated on incidents (updated_at desc, id desc);
create index ix_incidents_title on incidents (title, id);

-- The filters people combine most: severity and status together, then newest first within them.
create index ix_incidents_severity_status on incidents (severity, status, started_at desc, id desc);
drop index ix_incidents_status;
create index ix_incidents_status on incidents (status, started_at desc, id desc);
drop index ix_incidents_severity;
create index ix_incidents_severity on incidents (severity, started_at desc, id desc);
