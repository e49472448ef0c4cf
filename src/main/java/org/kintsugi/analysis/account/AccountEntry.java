package org.kintsugi.analysis.account;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

/**
 * One entry of an account: a moment and what its writer did, saw, expected, assumed or understood then. It is part
 * of its account, numbered within it, so changing an entry changes the account's version.
 */
@Embeddable
record AccountEntry(
        @Column(name = "entry_no") long number,
        @Column(name = "happened_at") Instant at,
        @Enumerated(EnumType.STRING) EntryKind kind,
        @Column(name = "entry_text") String text) {

    static AccountEntry of(long number, EntryDraft draft) {
        return new AccountEntry(number, draft.at(), draft.kind(), draft.text().strip());
    }

    EntryView view() {
        return new EntryView(number, at, kind, text);
    }
}
