-- The list reads items soonest due first, a page at a time, and then the sub-steps of that page's items.
create index ix_action_items_due_date on action_items (due_date, id);
create index ix_action_items_parent on action_items (parent_id);
