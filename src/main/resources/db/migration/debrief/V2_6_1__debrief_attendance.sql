-- When a person first came into the room (their first event stream), so the summary can tell who took part from who
-- was invited and did not come. Rooms held before this count as having come those who were connected or had voted,
-- and those seen after the room opened (an invitee is seated as the room opens, and seen again only by a stream).
alter table debrief_participants add column came_at timestamp with time zone;

update debrief_participants set came_at = last_seen_at
 where connections > 0
    or votes_used > 0
    or last_seen_at > (select min(e.at) from debrief_room_events e where e.debrief_id = debrief_participants.debrief_id);
