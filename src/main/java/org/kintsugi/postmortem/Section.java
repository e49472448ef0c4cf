package org.kintsugi.postmortem;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.kintsugi.postmortem.template.SectionDefinition;

/** One section of a postmortem: Markdown text under a heading, versioned on its own so two writers can share a document. */
@Entity
@Table(name = "postmortem_sections")
class Section {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private int position;

    @Column(name = "section_key")
    private String key = "";

    private String heading = "";
    private String guidance = "";
    private boolean required;
    private String body = "";
    private @Nullable String updatedBy;
    private @Nullable Instant updatedAt;

    @Version
    private long version;

    protected Section() {}

    Section(int position, SectionDefinition definition, String body) {
        this.position = position;
        this.key = definition.key();
        this.heading = definition.heading();
        this.guidance = definition.guidance();
        this.required = definition.required();
        this.body = body;
    }

    /** Say that a section's text of {@code length} characters is longer than the limit. */
    static String tooLong(int length, int max) {
        return String.format(
                java.util.Locale.ROOT,
                "has %,d characters, more than the limit of %,d (kintsugi.limits.section-length)",
                length,
                max);
    }

    void write(String body, String actor, Instant now) {
        this.body = body;
        this.updatedBy = actor;
        this.updatedAt = now;
    }

    String key() {
        return key;
    }

    String heading() {
        return heading;
    }

    String body() {
        return body;
    }

    boolean required() {
        return required;
    }

    boolean empty() {
        return body.isBlank();
    }

    int position() {
        return position;
    }

    long version() {
        return version;
    }

    PostmortemView.Section view() {
        return new PostmortemView.Section(key, heading, guidance, required, body, version, updatedBy, updatedAt);
    }
}
