package org.kintsugi.postmortem.revision;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A published revision of a postmortem, kept as it was: its title and sections as JSON. */
@Entity
@Table(name = "postmortem_revisions")
public class Revision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private long postmortemId;
    private int number;
    private String title = "";
    private String content = "";
    private String createdBy = "";
    private Instant createdAt = Instant.EPOCH;

    protected Revision() {}

    public Revision(long postmortemId, int number, String title, String content, String createdBy, Instant createdAt) {
        this.postmortemId = postmortemId;
        this.number = number;
        this.title = title;
        this.content = content;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    int number() {
        return number;
    }

    String title() {
        return title;
    }

    String content() {
        return content;
    }

    String createdBy() {
        return createdBy;
    }

    Instant createdAt() {
        return createdAt;
    }
}
