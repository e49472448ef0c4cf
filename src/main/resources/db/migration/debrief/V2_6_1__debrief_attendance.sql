-- When a person first came into the room (their first event stream), so the summary can tell who took part from who
-- was invited and did not come. Rooms held before this count those who were connected or had voted as having come.
alter table debrief_participants add column came_at timestamp with time zone;

update debrief_participants set came_at = last_seen_at where connections > 0 or votes_used > 0;
