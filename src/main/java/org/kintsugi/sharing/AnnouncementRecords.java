package org.kintsugi.sharing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The announcements made, kept: what went out, and what the feed and the learning review read. */
@Repository
class AnnouncementRecords {

    private final JdbcClient jdbc;

    AnnouncementRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An announcement with its id. */
    record Recorded(long id, Announcement announcement) {}

    boolean exists(String sourceKey) {
        return jdbc.sql("select count(*) from sharing_announcements where source_key = :k")
                        .param("k", sourceKey)
                        .query(Long.class)
                        .single()
                > 0;
    }

    long add(Announcement a) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into sharing_announcements (source_key, postmortem_id, title, summary, link, incident_key,"
                        + " incident_kind, severity, services, teams, factors, audience, published_by, published_at)"
                        + " values (:key, :pm, :title, :summary, :link, :incident, :kind, :severity, :services, :teams,"
                        + " :factors, :audience, :by, :at)")
                .param("key", a.sourceKey())
                .param("pm", a.postmortemId())
                .param("title", a.title())
                .param("summary", a.summary())
                .param("link", a.link())
                .param("incident", a.incidentKey())
                .param("kind", a.incidentKind())
                .param("severity", a.severity())
                .param("services", String.join("\n", a.services()))
                .param("teams", String.join("\n", a.teams()))
                .param("factors", String.join("\n", a.factors()))
                .param("audience", a.audience().kind().name())
                .param("by", a.publishedBy())
                .param("at", Channels.at(a.publishedAt()))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<Recorded> find(long id) {
        return jdbc.sql("select * from sharing_announcements where id = :id")
                .param("id", id)
                .query(this::row)
                .optional();
    }

    /**
     * Return the announcements of published postmortems between two moments (or the newest, when {@code from} is
     * null), the newest first, at most {@code limit} rows.
     */
    List<Recorded> postmortems(Instant from, Instant to, int limit) {
        return jdbc.sql("select * from sharing_announcements where postmortem_id is not null and source_key like"
                        + " 'postmortem:%' and published_at >= :from and published_at < :to"
                        + " order by published_at desc, id desc fetch first " + limit + " rows only")
                .param("from", Channels.at(from))
                .param("to", Channels.at(to))
                .query(this::row)
                .list();
    }

    private Recorded row(ResultSet rs, int n) throws SQLException {
        long postmortem = rs.getLong("postmortem_id");
        Long postmortemId = rs.wasNull() ? null : postmortem;
        return new Recorded(
                rs.getLong("id"),
                new Announcement(
                        rs.getString("source_key"),
                        postmortemId,
                        rs.getString("title"),
                        rs.getString("summary"),
                        rs.getString("link"),
                        rs.getString("incident_key"),
                        rs.getString("incident_kind"),
                        rs.getString("severity"),
                        lines(rs.getString("services")),
                        lines(rs.getString("teams")),
                        lines(rs.getString("factors")),
                        new Announcement.Audience(
                                Announcement.Audience.Kind.valueOf(rs.getString("audience")), List.of()),
                        rs.getString("published_by"),
                        rs.getObject("published_at", OffsetDateTime.class).toInstant()));
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }
}
