package org.kintsugi.analysis.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.analysis.account.EntryDraft;
import org.kintsugi.analysis.account.EntryKind;
import org.kintsugi.analysis.account.EntryView;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.Parsing;

/**
 * An entry as typed on the account page: the moment is local to the writer's zone, as on the timeline.
 *
 * @param at a local date and time, e.g. {@code 2026-11-21T14:05}
 */
public record EntryForm(
        @Nullable String at,
        @Nullable String zone,
        @Nullable String kind,
        @Nullable String text) {

    /** Return an empty form for a new entry at the current minute. */
    static EntryForm blank(ZoneId zone, Instant now) {
        String local = LocalDateTime.ofInstant(now.truncatedTo(ChronoUnit.MINUTES), zone)
                .toString();
        return new EntryForm(local, zone.getId(), EntryKind.OBSERVED.code(), "");
    }

    /** Return the form of an entry, to change it. */
    static EntryForm of(EntryView entry, ZoneId zone) {
        String local = LocalDateTime.ofInstant(entry.at().truncatedTo(ChronoUnit.MINUTES), zone)
                .toString();
        return new EntryForm(local, zone.getId(), entry.kind().code(), entry.text());
    }

    /** Read the entry, naming each field that is wrong. */
    EntryDraft draft() {
        List<FieldProblem> problems = new ArrayList<>();
        Instant moment = null;
        try {
            ZoneId zoneId = ZoneId.of(zone == null || zone.isBlank() ? "UTC" : zone);
            moment = at == null || at.isBlank()
                    ? null
                    : LocalDateTime.parse(at).atZone(zoneId).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem("at", "'" + at + "' is not a date and time like 2026-11-21T14:05"));
        } catch (DateTimeException e) {
            problems.add(new FieldProblem("zone", "'" + zone + "' is not a time zone"));
        }
        if (moment == null && problems.isEmpty()) {
            problems.add(new FieldProblem("at", "is required: when was it?"));
        }
        EntryKind k = Parsing.enumValue("kind", kind, EntryKind.class, problems);
        if (k == null && problems.stream().noneMatch(p -> p.field().equals("kind"))) {
            problems.add(
                    new FieldProblem("kind", "is required: what you did, observed, expected, assumed or understood"));
        }
        EntryDraft draft = new EntryDraft(
                moment == null ? Instant.EPOCH : moment, k == null ? EntryKind.OBSERVED : k, text == null ? "" : text);
        problems.addAll(draft.problems());
        Parsing.check(problems);
        return draft;
    }
}
