package org.kintsugi.postmortem.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** One question a reviewer checks before approving a postmortem. */
@Entity
@Table(name = "postmortem_checklist")
class ChecklistItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private int position;

    @Column(name = "item_text")
    private String text = "";

    protected ChecklistItem() {}

    ChecklistItem(int position, String text) {
        this.position = position;
        this.text = text;
    }

    String text() {
        return text;
    }
}
