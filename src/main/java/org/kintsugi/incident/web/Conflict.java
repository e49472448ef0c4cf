package org.kintsugi.incident.web;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.kintsugi.incident.ActivityView;
import org.kintsugi.incident.IncidentView;

/** A stale save: this person's text beside the version someone else saved in the meantime, field by field. */
record Conflict(String changedBy, Instant changedAt, long theirVersion, List<Row> rows) {

    record Row(
            String label, @Nullable String mine, @Nullable String theirs) {

        public boolean differs() {
            return !Objects.equals(blank(mine), blank(theirs));
        }

        private static String blank(@Nullable String value) {
            return value == null ? "" : value.strip();
        }
    }

    static Conflict between(IncidentForm mine, IncidentForm theirs, IncidentView current, List<ActivityView> log) {
        String by = log.isEmpty() ? current.declaredBy() : log.getFirst().actor();
        return new Conflict(
                by,
                current.updatedAt(),
                current.version(),
                List.of(
                        new Row("Title", mine.title(), theirs.title()),
                        new Row("Summary", mine.summary(), theirs.summary()),
                        new Row("Kind", mine.kind(), theirs.kind()),
                        new Row("Severity", mine.severity(), theirs.severity()),
                        new Row("Impact", mine.impact(), theirs.impact()),
                        new Row("People affected", mine.peopleAffected(), theirs.peopleAffected()),
                        new Row("Services", mine.services(), theirs.services()),
                        new Row("Teams", mine.teams(), theirs.teams()),
                        new Row("Started", mine.startedAt(), theirs.startedAt()),
                        new Row("Detected", mine.detectedAt(), theirs.detectedAt()),
                        new Row("Acknowledged", mine.acknowledgedAt(), theirs.acknowledgedAt()),
                        new Row("Mitigated", mine.mitigatedAt(), theirs.mitigatedAt()),
                        new Row("Resolved", mine.resolvedAt(), theirs.resolvedAt())));
    }
}
