package org.kintsugi.debrief.room;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The rows of the rooms: the room itself and its participants, cards, themes, notes, votes and proposals. */
@Component
class RoomStore {

    private final JdbcClient jdbc;

    RoomStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Card(
            long id,
            long authorId,
            boolean anonymous,
            String column,
            String text,
            @Nullable Long themeId,
            @Nullable String coachNote) {}

    record Theme(long id, String title, @Nullable Long whysNodeId) {}

    record Note(
            long id,
            long themeId,
            long authorId,
            boolean anonymous,
            String text,
            @Nullable String coachNote,
            Instant createdAt) {}

    record Participant(
            long personId,
            int votesUsed,
            int connections,
            Instant lastSeenAt,
            @Nullable Instant cameAt) {}

    record Proposal(
            long id, String text, long ownerId, @Nullable Long actionId) {}

    record Vote(long themeId, long personId) {}

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    Optional<Room> room(long debriefId) {
        return jdbc.sql("select * from debrief_rooms where debrief_id = ?")
                .param(debriefId)
                .query((rs, n) -> new Room(
                        debriefId,
                        RoomPhase.valueOf(rs.getString("phase")),
                        instant(rs, "phase_started_at"),
                        rs.getInt("phase_minutes"),
                        rs.getBoolean("anonymous"),
                        rs.getInt("votes_per_person"),
                        rs.getInt("votes_per_theme"),
                        rs.getLong("version")))
                .optional();
    }

    void insert(Room room) {
        jdbc.sql("insert into debrief_rooms (debrief_id, phase, phase_started_at, phase_minutes, anonymous,"
                        + " votes_per_person, votes_per_theme, version) values (?, ?, ?, ?, ?, ?, ?, 0)")
                .params(room.debriefId(), room.phase().name(), utc(room.phaseStartedAt()), room.phaseMinutes())
                .param(room.anonymous())
                .param(room.votesPerPerson())
                .param(room.votesPerTheme())
                .update();
    }

    /** Save a room if nobody changed it since it was read; return whether it was saved. */
    boolean update(Room room) {
        return jdbc.sql("update debrief_rooms set phase = ?, phase_started_at = ?, phase_minutes = ?, anonymous = ?,"
                                + " votes_per_person = ?, votes_per_theme = ?, version = version + 1"
                                + " where debrief_id = ? and version = ?")
                        .params(room.phase().name(), utc(room.phaseStartedAt()), room.phaseMinutes())
                        .param(room.anonymous())
                        .param(room.votesPerPerson())
                        .param(room.votesPerTheme())
                        .param(room.debriefId())
                        .param(room.version())
                        .update()
                == 1;
    }

    List<Participant> participants(long debriefId) {
        return jdbc.sql("select * from debrief_participants where debrief_id = ? order by person_id")
                .param(debriefId)
                .query((rs, n) -> new Participant(
                        rs.getLong("person_id"),
                        rs.getInt("votes_used"),
                        rs.getInt("connections"),
                        instant(rs, "last_seen_at"),
                        rs.getObject("came_at") == null ? null : instant(rs, "came_at")))
                .list();
    }

    boolean hasParticipant(long debriefId, long personId) {
        return jdbc.sql("select count(*) from debrief_participants where debrief_id = ? and person_id = ?")
                        .params(debriefId, personId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    void addParticipant(long debriefId, long personId, Instant now) {
        jdbc.sql("insert into debrief_participants (debrief_id, person_id, votes_used, connections, last_seen_at)"
                        + " values (?, ?, 0, 0, ?)")
                .params(debriefId, personId, utc(now))
                .update();
    }

    /** Count one more vote for a person unless they used the limit; return whether it was counted. */
    boolean useVote(long debriefId, long personId, int limit) {
        return jdbc.sql("update debrief_participants set votes_used = votes_used + 1"
                                + " where debrief_id = ? and person_id = ? and votes_used < ?")
                        .params(debriefId, personId, limit)
                        .update()
                == 1;
    }

    void returnVote(long debriefId, long personId) {
        jdbc.sql("update debrief_participants set votes_used = votes_used - 1"
                        + " where debrief_id = ? and person_id = ? and votes_used > 0")
                .params(debriefId, personId)
                .update();
    }

    /** Count a stream opened (+1) or closed (-1) by a person, and see them now. */
    void connected(long debriefId, long personId, int delta, Instant now) {
        jdbc.sql("update debrief_participants set connections = case when connections + ? < 0 then 0"
                        + " else connections + ? end, last_seen_at = ? where debrief_id = ? and person_id = ?")
                .params(delta, delta, utc(now), debriefId, personId)
                .update();
    }

    /** Note the first time a person came into the room; later visits keep it. */
    void came(long debriefId, long personId, Instant now) {
        jdbc.sql(
                        "update debrief_participants set came_at = ? where debrief_id = ? and person_id = ? and came_at is null")
                .params(utc(now), debriefId, personId)
                .update();
    }

    void seen(long debriefId, List<Long> personIds, Instant now) {
        for (long personId : personIds) {
            jdbc.sql("update debrief_participants set last_seen_at = ? where debrief_id = ? and person_id = ?")
                    .params(utc(now), debriefId, personId)
                    .update();
        }
    }

    List<Card> cards(long debriefId) {
        return jdbc.sql("select * from debrief_cards where debrief_id = ? order by id")
                .param(debriefId)
                .query((rs, n) -> new Card(
                        rs.getLong("id"),
                        rs.getLong("author_id"),
                        rs.getBoolean("anonymous"),
                        rs.getString("column_key"),
                        rs.getString("text"),
                        nullableLong(rs, "theme_id"),
                        rs.getString("coach_note")))
                .list();
    }

    Optional<Card> card(long debriefId, long cardId) {
        return cards(debriefId).stream().filter(c -> c.id() == cardId).findFirst();
    }

    Map<Long, Integer> cardsByAuthor(long debriefId) {
        Map<Long, Integer> counts = new HashMap<>();
        jdbc.sql("select author_id, count(*) from debrief_cards where debrief_id = ? group by author_id")
                .param(debriefId)
                .query(rs -> {
                    counts.put(rs.getLong(1), rs.getInt(2));
                });
        return counts;
    }

    int cardCount(long debriefId, long authorId) {
        return jdbc.sql("select count(*) from debrief_cards where debrief_id = ? and author_id = ?")
                .params(debriefId, authorId)
                .query(Integer.class)
                .single();
    }

    long addCard(long debriefId, long authorId, boolean anonymous, String column, String text, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into debrief_cards (debrief_id, author_id, anonymous, column_key, text, created_at,"
                        + " updated_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(debriefId, authorId, anonymous, column, text, utc(now), utc(now))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    void reviseCard(long cardId, String column, String text, Instant now) {
        jdbc.sql("update debrief_cards set column_key = ?, text = ?, coach_note = null, updated_at = ? where id = ?")
                .params(column, text, utc(now), cardId)
                .update();
    }

    void coachCard(long cardId, @Nullable String note) {
        jdbc.sql("update debrief_cards set coach_note = ? where id = ?")
                .params(note, cardId)
                .update();
    }

    void removeCard(long cardId) {
        jdbc.sql("delete from debrief_cards where id = ?").param(cardId).update();
    }

    void placeCard(long cardId, @Nullable Long themeId) {
        jdbc.sql("update debrief_cards set theme_id = ? where id = ?")
                .params(themeId, cardId)
                .update();
    }

    List<Theme> themes(long debriefId) {
        return jdbc.sql("select * from debrief_themes where debrief_id = ? order by id")
                .param(debriefId)
                .query((rs, n) -> new Theme(rs.getLong("id"), rs.getString("title"), nullableLong(rs, "whys_node_id")))
                .list();
    }

    long addTheme(long debriefId, String title, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into debrief_themes (debrief_id, title, created_at) values (?, ?, ?)")
                .params(debriefId, title, utc(now))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    void linkWhys(long themeId, long nodeId) {
        jdbc.sql("update debrief_themes set whys_node_id = ? where id = ?")
                .params(nodeId, themeId)
                .update();
    }

    List<Note> notes(long debriefId) {
        return jdbc.sql("select * from debrief_theme_notes where debrief_id = ? order by id")
                .param(debriefId)
                .query((rs, n) -> new Note(
                        rs.getLong("id"),
                        rs.getLong("theme_id"),
                        rs.getLong("author_id"),
                        rs.getBoolean("anonymous"),
                        rs.getString("text"),
                        rs.getString("coach_note"),
                        instant(rs, "created_at")))
                .list();
    }

    Optional<Note> note(long debriefId, long noteId) {
        return notes(debriefId).stream().filter(n -> n.id() == noteId).findFirst();
    }

    int noteCount(long debriefId) {
        return jdbc.sql("select count(*) from debrief_theme_notes where debrief_id = ?")
                .param(debriefId)
                .query(Integer.class)
                .single();
    }

    long addNote(long debriefId, long themeId, long authorId, boolean anonymous, String text, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into debrief_theme_notes (debrief_id, theme_id, author_id, anonymous, text, created_at)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(debriefId, themeId, authorId, anonymous, text, utc(now))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    void coachNote(long noteId, @Nullable String nudge) {
        jdbc.sql("update debrief_theme_notes set coach_note = ? where id = ?")
                .params(nudge, noteId)
                .update();
    }

    /** Take a note away; return whether it was still there. */
    boolean removeNote(long noteId) {
        return jdbc.sql("delete from debrief_theme_notes where id = ?")
                        .param(noteId)
                        .update()
                == 1;
    }

    List<Vote> votes(long debriefId) {
        return jdbc.sql("select theme_id, person_id from debrief_votes where debrief_id = ? order by id")
                .param(debriefId)
                .query((rs, n) -> new Vote(rs.getLong(1), rs.getLong(2)))
                .list();
    }

    int votesOn(long themeId, long personId) {
        return jdbc.sql("select count(*) from debrief_votes where theme_id = ? and person_id = ?")
                .params(themeId, personId)
                .query(Integer.class)
                .single();
    }

    void addVote(long debriefId, long themeId, long personId, Instant now) {
        jdbc.sql("insert into debrief_votes (debrief_id, theme_id, person_id, created_at) values (?, ?, ?, ?)")
                .params(debriefId, themeId, personId, utc(now))
                .update();
    }

    /** Take back one of a person's votes on a theme; return whether they had one there. */
    boolean removeVote(long themeId, long personId) {
        return jdbc.sql("delete from debrief_votes where id = (select min(id) from debrief_votes"
                                + " where theme_id = ? and person_id = ?)")
                        .params(themeId, personId)
                        .update()
                == 1;
    }

    List<Proposal> proposals(long debriefId) {
        return jdbc.sql("select * from debrief_proposals where debrief_id = ? order by id")
                .param(debriefId)
                .query((rs, n) -> new Proposal(
                        rs.getLong("id"), rs.getString("text"), rs.getLong("owner_id"), nullableLong(rs, "action_id")))
                .list();
    }

    void addProposal(long debriefId, String text, long ownerId, @Nullable Long actionId, Instant now) {
        jdbc.sql("insert into debrief_proposals (debrief_id, text, owner_id, action_id, created_at)"
                        + " values (?, ?, ?, ?, ?)")
                .params(debriefId, text, ownerId, actionId, utc(now))
                .update();
    }
}
