package org.kintsugi.analysis.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.analysis.account.AccountView;
import org.kintsugi.analysis.account.EntryDraft;
import org.kintsugi.analysis.account.EntryKind;
import org.kintsugi.analysis.account.EntryView;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.Parsing;

/** What the account API reads and writes. */
final class AccountJson {

    private AccountJson() {}

    /** A new account: its narrative (Markdown, may be empty) and, optionally, its first entries. */
    record AccountRequest(
            @Nullable String narrative, @Nullable List<EntryRequest> entries) {}

    /** The narrative of an account, replacing the one it had. */
    record NarrativeRequest(@Nullable String narrative) {}

    /**
     * One entry: {@code at} is ISO-8601 with an offset; {@code kind} one of {@code did}, {@code observed},
     * {@code expected}, {@code assumed}, {@code understood}.
     */
    record EntryRequest(
            @Nullable String at,
            @Nullable String kind,
            @Nullable String text) {

        /** Read the entry, naming each field that cannot be read, with {@code prefix} before its name. */
        EntryDraft draft(String prefix, List<FieldProblem> problems) {
            List<FieldProblem> own = new ArrayList<>();
            Instant moment = Parsing.moment("at", at, own);
            if (moment == null && own.isEmpty()) {
                own.add(new FieldProblem("at", "is required, e.g. 2026-11-21T14:02:00Z"));
            }
            EntryKind k = Parsing.enumValue("kind", kind, EntryKind.class, own);
            if (k == null && own.stream().noneMatch(p -> p.field().equals("kind"))) {
                own.add(new FieldProblem("kind", "is required: did, observed, expected, assumed or understood"));
            }
            EntryDraft draft = new EntryDraft(
                    moment == null ? Instant.EPOCH : moment,
                    k == null ? EntryKind.OBSERVED : k,
                    text == null ? "" : text);
            own.addAll(draft.problems());
            own.forEach(p -> problems.add(new FieldProblem(prefix + p.field(), p.message())));
            return draft;
        }
    }

    /** An account as the API returns it; {@code status} is {@code draft} or {@code shared}. */
    record AccountResponse(
            long id,
            long postmortemId,
            long authorId,
            String authorName,
            String status,
            String narrative,
            List<EntryResponse> entries,
            @Nullable Instant sharedAt,
            Instant createdAt,
            Instant updatedAt,
            long version) {

        static AccountResponse of(AccountView a) {
            return new AccountResponse(
                    a.id(),
                    a.postmortemId(),
                    a.authorId(),
                    a.authorName(),
                    a.status().code(),
                    a.narrative(),
                    a.entries().stream().map(EntryResponse::of).toList(),
                    a.sharedAt(),
                    a.createdAt(),
                    a.updatedAt(),
                    a.version());
        }
    }

    /** One entry as the API returns it; its id is its number within the account. */
    record EntryResponse(long id, Instant at, String kind, String text) {

        static EntryResponse of(EntryView e) {
            return new EntryResponse(e.id(), e.at(), e.kind().code(), e.text());
        }
    }
}
