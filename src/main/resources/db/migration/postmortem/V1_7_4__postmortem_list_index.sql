-- The postmortem list reads the soonest due first, then the most recently changed: an index in that order lets the
-- first page be read from its front instead of sorting every postmortem.
create index ix_postmortems_list on postmortems (due_at asc nulls last, updated_at desc);
