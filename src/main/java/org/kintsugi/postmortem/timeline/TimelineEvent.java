package org.kintsugi.postmortem.timeline;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.kintsugi.postmortem.TimelineItem;
import org.kintsugi.postmortem.TimelineKind;

/** A moment on a postmortem's timeline that a person added, pasted or imported. */
@Entity
@Table(name = "postmortem_timeline")
public class TimelineEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private long postmortemId;
    private Instant at = Instant.EPOCH;
    private String description = "";

    @Enumerated(EnumType.STRING)
    private TimelineKind kind = TimelineKind.OTHER;

    private String source = "";
    private boolean starred;
    private String createdBy = "";
    private Instant createdAt = Instant.EPOCH;

    @Version
    private long version;

    protected TimelineEvent() {}

    public TimelineEvent(long postmortemId, TimelineEntry entry, String actor, Instant now) {
        this.postmortemId = postmortemId;
        this.createdBy = actor;
        this.createdAt = now;
        revise(entry);
    }

    public void revise(TimelineEntry entry) {
        this.at = entry.at();
        this.description = entry.description().strip();
        this.kind = entry.kind();
        this.source = entry.source().strip();
        this.starred = entry.starred();
    }

    public void star(boolean starred) {
        this.starred = starred;
    }

    public long postmortemId() {
        return postmortemId;
    }

    public long version() {
        return version;
    }

    public TimelineItem view() {
        return new TimelineItem(
                Objects.requireNonNull(id), at, description, kind, source, starred, false, createdBy, version);
    }
}
