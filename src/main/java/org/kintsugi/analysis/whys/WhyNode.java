package org.kintsugi.analysis.whys;

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

/** One answer to "why?": for its parent's answer, or for the problem statement when it has no parent. */
@Entity
@Table(name = "why_nodes")
class WhyNode {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private @Nullable Long parentId;
    private int position;
    private String answer = "";
    private boolean chosen;
    private @Nullable Long actionId;
    private String createdBy = "";
    private Instant createdAt = Instant.EPOCH;
    private String updatedBy = "";
    private Instant updatedAt = Instant.EPOCH;

    @ElementCollection
    @CollectionTable(name = "why_evidence", joinColumns = @JoinColumn(name = "node_id"))
    @OrderColumn(name = "position")
    private List<Evidence> evidence = new ArrayList<>();

    @Version
    private long version;

    protected WhyNode() {}

    WhyNode(@Nullable Long parentId, int position, WhyAnswer answer, String by, Instant at) {
        this.parentId = parentId;
        this.position = position;
        this.answer = answer.answer();
        this.evidence = new ArrayList<>(answer.evidence());
        this.createdBy = by;
        this.createdAt = at;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    long id() {
        return Objects.requireNonNull(id, "the node is not saved yet");
    }

    @Nullable
    Long parentId() {
        return parentId;
    }

    boolean isChildOf(@Nullable Long parent) {
        return Objects.equals(parentId, parent);
    }

    int position() {
        return position;
    }

    String answer() {
        return answer;
    }

    List<Evidence> evidence() {
        return List.copyOf(evidence);
    }

    boolean chosen() {
        return chosen;
    }

    @Nullable
    Long actionId() {
        return actionId;
    }

    String createdBy() {
        return createdBy;
    }

    Instant createdAt() {
        return createdAt;
    }

    String updatedBy() {
        return updatedBy;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    long version() {
        return version;
    }

    void revise(WhyAnswer revised, String by, Instant at) {
        answer = revised.answer();
        if (!evidence.equals(revised.evidence())) {
            evidence.clear();
            evidence.addAll(revised.evidence());
        }
        updatedBy = by;
        updatedAt = at;
    }

    void choose(boolean chosen, String by, Instant at) {
        this.chosen = chosen;
        updatedBy = by;
        updatedAt = at;
    }

    void linkAction(long actionId, String by, Instant at) {
        this.actionId = actionId;
        updatedBy = by;
        updatedAt = at;
    }
}
