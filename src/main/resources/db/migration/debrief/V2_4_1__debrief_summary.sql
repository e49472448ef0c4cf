-- The summary of a closed room: written from what it decided when it closed, then edited by the facilitator.
alter table debrief_rooms add column summary_markdown varchar(20000);
