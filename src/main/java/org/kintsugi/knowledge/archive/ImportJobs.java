package org.kintsugi.knowledge.archive;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kintsugi.postmortem.Author;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/** The archive imports and their files, in two tables read and written with plain SQL. */
@Component
class ImportJobs {

    /** What the runner needs of a job to import its files as the person who started it. */
    record Job(long id, Author owner, ZoneId zone, JobState state) {}

    /** A file waiting for its turn, without its text. */
    record Waiting(long id, String name) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ImportJobs(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Store a new job with all its files; return its id. */
    long add(Author owner, ZoneId zone, List<IncomingFile> files, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        boolean nothingToDo = files.stream().noneMatch(f -> f.state() == FileState.WAITING);
        jdbc.sql("""
                insert into archive_import_jobs (owner_id, owner_name, zone, state, total, created_at, finished_at)
                values (:owner, :name, :zone, :state, :total, :now, :finished)""")
                .param("owner", owner.id())
                .param("name", owner.name())
                .param("zone", zone.getId())
                .param("state", (nothingToDo ? JobState.DONE : JobState.QUEUED).name())
                .param("total", (int) files.stream()
                        .filter(f -> f.state() != FileState.SKIPPED)
                        .count())
                .param("now", Timestamp.from(now))
                .param("finished", nothingToDo ? Timestamp.from(now) : null, Types.TIMESTAMP)
                .update(key, "id");
        long job = key.getKeyAs(Number.class).longValue();
        template.batchUpdate("""
                insert into archive_import_files (job_id, position, name, state, content, error, finished_at)
                values (?, ?, ?, ?, ?, ?, ?)""", new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                IncomingFile file = files.get(i);
                ps.setLong(1, job);
                ps.setInt(2, i);
                ps.setString(3, file.name());
                ps.setString(4, file.state().name());
                ps.setString(5, file.text());
                ps.setString(6, file.reason());
                ps.setTimestamp(7, file.state() == FileState.WAITING ? null : Timestamp.from(now));
            }

            @Override
            public int getBatchSize() {
                return files.size();
            }
        });
        return job;
    }

    Optional<Job> job(long id) {
        return jdbc.sql("select id, owner_id, owner_name, zone, state from archive_import_jobs where id = :id")
                .param("id", id)
                .query((rs, n) -> new Job(
                        rs.getLong("id"),
                        new Author(rs.getLong("owner_id"), rs.getString("owner_name")),
                        ZoneId.of(rs.getString("zone")),
                        JobState.valueOf(rs.getString("state"))))
                .optional();
    }

    /** Return the ids of jobs that still have files to import, oldest first. */
    List<Long> unfinished() {
        return jdbc.sql("select id from archive_import_jobs where state <> 'DONE' order by id")
                .query(Long.class)
                .list();
    }

    int unfinishedOf(long ownerId) {
        return jdbc.sql("select count(*) from archive_import_jobs where owner_id = :owner and state <> 'DONE'")
                .param("owner", ownerId)
                .query(Integer.class)
                .single();
    }

    void started(long job, Instant now) {
        jdbc.sql(
                        "update archive_import_jobs set state = 'RUNNING', started_at = :now where id = :id and state = 'QUEUED'")
                .param("now", Timestamp.from(now))
                .param("id", job)
                .update();
    }

    /** Mark the job done if no file waits any more. */
    void finishIfDone(long job, Instant now) {
        jdbc.sql("""
                update archive_import_jobs set state = 'DONE', finished_at = :now
                where id = :id and state <> 'DONE'
                  and not exists (select 1 from archive_import_files where job_id = :id and state = 'WAITING')""").param("now", Timestamp.from(now)).param("id", job).update();
    }

    /** Return the next files waiting in the job, in upload order. */
    List<Waiting> waiting(long job, int max) {
        return jdbc.sql("""
                select id, name from archive_import_files where job_id = :job and state = 'WAITING'
                order by position fetch first %d rows only""".formatted(max))
                .param("job", job)
                .query((rs, n) -> new Waiting(rs.getLong("id"), rs.getString("name")))
                .list();
    }

    /**
     * Take a waiting file for importing and return its text, or nothing when another worker took it first. The
     * row stays locked until the transaction ends, so a second worker waits and then finds it taken.
     */
    Optional<String> take(long file, Instant now) {
        int taken = jdbc.sql("""
                update archive_import_files set state = 'IMPORTED', finished_at = :now
                where id = :id and state = 'WAITING'""")
                .param("now", Timestamp.from(now))
                .param("id", file)
                .update();
        if (taken == 0) {
            return Optional.empty();
        }
        return jdbc.sql("select content from archive_import_files where id = :id")
                .param("id", file)
                .query(String.class)
                .optional();
    }

    void imported(long file, long postmortemId, String incidentKey, String title) {
        jdbc.sql("""
                update archive_import_files
                set content = null, postmortem_id = :postmortem, incident_key = :key, title = :title
                where id = :id""")
                .param("postmortem", postmortemId)
                .param("key", incidentKey)
                .param("title", title.length() <= 200 ? title : title.substring(0, 199) + "…")
                .param("id", file)
                .update();
    }

    void failed(long file, String reason, Instant now) {
        jdbc.sql("""
                update archive_import_files set state = 'FAILED', content = null, error = :error, finished_at = :now
                where id = :id and state = 'WAITING'""")
                .param("error", reason.length() <= 2000 ? reason : reason.substring(0, 1999) + "…")
                .param("now", Timestamp.from(now))
                .param("id", file)
                .update();
    }

    /** Return the job as its page and the API show it, with every file. */
    Optional<ImportJobView> view(long id) {
        return summary(id).map(summary -> new ImportJobView(summary, files(id)));
    }

    Optional<ImportJobSummary> summary(long id) {
        return jdbc.sql("select * from archive_import_jobs where id = :id")
                .param("id", id)
                .query((rs, n) -> summary(rs, counts(rs.getLong("id"))))
                .optional();
    }

    /** Return the person's latest jobs, newest first. */
    List<ImportJobSummary> of(long ownerId, int max) {
        List<ImportJobSummary> jobs = jdbc.sql("""
                select * from archive_import_jobs where owner_id = :owner order by id desc
                fetch first %d rows only""".formatted(max))
                .param("owner", ownerId)
                .query((rs, n) -> summary(rs, Map.of()))
                .list();
        return jobs.stream().map(j -> j.withCounts(counts(j.id()))).toList();
    }

    private Map<FileState, Integer> counts(long job) {
        Map<FileState, Integer> counts = new EnumMap<>(FileState.class);
        jdbc.sql("select state, count(*) as n from archive_import_files where job_id = :job group by state")
                .param("job", job)
                .query((rs, n) -> counts.put(FileState.valueOf(rs.getString("state")), rs.getInt("n")))
                .list();
        return counts;
    }

    private List<ImportedFileView> files(long job) {
        return jdbc.sql("""
                select name, state, postmortem_id, incident_key, title, error from archive_import_files
                where job_id = :job order by position""")
                .param("job", job)
                .query((rs, n) -> new ImportedFileView(
                        rs.getString("name"),
                        FileState.valueOf(rs.getString("state")),
                        nullableLong(rs, "postmortem_id"),
                        rs.getString("incident_key"),
                        rs.getString("title"),
                        rs.getString("error")))
                .list();
    }

    private static ImportJobSummary summary(ResultSet rs, Map<FileState, Integer> counts) throws SQLException {
        return new ImportJobSummary(
                rs.getLong("id"),
                rs.getLong("owner_id"),
                rs.getString("owner_name"),
                JobState.valueOf(rs.getString("state")),
                rs.getInt("total"),
                counts.getOrDefault(FileState.IMPORTED, 0),
                counts.getOrDefault(FileState.FAILED, 0),
                counts.getOrDefault(FileState.WAITING, 0),
                counts.getOrDefault(FileState.SKIPPED, 0),
                instant(rs, "created_at"),
                nullableInstant(rs, "finished_at"));
    }

    private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
