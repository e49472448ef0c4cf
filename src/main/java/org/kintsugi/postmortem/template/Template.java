package org.kintsugi.postmortem.template;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A postmortem template: the sections a document starts with, each with its guidance. */
@Entity
@Table(name = "postmortem_templates")
class Template {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private String name = "";
    private String description = "";
    private int position;
    private boolean retired;
    private @Nullable String builtin;
    private Instant updatedAt = Instant.EPOCH;

    @ElementCollection
    @CollectionTable(name = "postmortem_template_sections", joinColumns = @JoinColumn(name = "template_id"))
    @OrderColumn(name = "position")
    private List<SectionDefinition> sections = new ArrayList<>();

    @Version
    private long version;

    protected Template() {}

    Template(TemplateDraft draft, int position, @Nullable String builtin, Instant now) {
        this.position = position;
        this.builtin = builtin;
        revise(draft, now);
    }

    void revise(TemplateDraft draft, Instant now) {
        this.name = draft.name().strip();
        this.description = draft.description().strip();
        this.sections = new ArrayList<>(draft.sections());
        this.updatedAt = now;
    }

    void retire(boolean retired, Instant now) {
        this.retired = retired;
        this.updatedAt = now;
    }

    void moveTo(int position) {
        this.position = position;
    }

    long id() {
        return Objects.requireNonNull(id, "template not saved yet");
    }

    int position() {
        return position;
    }

    boolean retired() {
        return retired;
    }

    long version() {
        return version;
    }

    TemplateView view() {
        return new TemplateView(id(), name, description, position, retired, builtin, List.copyOf(sections), version);
    }
}
