-- When the overdue job first saw an open item past its due date: the item is announced once, not on every run.
alter table action_items add column overdue_noticed_at timestamp with time zone;
