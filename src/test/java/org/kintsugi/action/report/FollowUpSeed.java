package org.kintsugi.action.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.action.ActionDetails;
import org.kintsugi.action.ActionManagement;
import org.kintsugi.action.ActionType;
import org.kintsugi.action.Priority;
import org.kintsugi.identity.UserView;
import org.kintsugi.incident.IncidentDetails;
import org.kintsugi.incident.IncidentKind;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.incident.Severity;
import org.kintsugi.postmortem.Author;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.postmortem.policy.ReviewPolicy;
import org.kintsugi.support.MovableClock;
import org.kintsugi.support.TestPeople;
import org.springframework.boot.test.context.TestComponent;

/**
 * October 2026 in Europe/Berlin, told through the public module APIs with the clock moved to each step, with
 * September and November around it. Two teams: {@code Payments}, and {@code Data "Core", EU}, a name CSV must quote.
 *
 * <pre>
 * item  postmortem (teams)   history (UTC)                                        in October (Berlin)
 * K     1 (Payments)         proposed 09-01, committed 09-04, done 09-08,
 *                            verified effective 09-30 21:00 (23:00 in Berlin)     nothing
 * A     1                    proposed 09-10, committed 09-14, done 11-03; due 10-15  overdue at the end
 * B     1                    proposed 09-20, committed 09-25, started 10-02,
 *                            done 10-05 (15 days), verified effective 10-20       done, verified effective
 * C     2 (both teams)       proposed 09-28, committed 09-30 22:30 (10-01 in
 *                            Berlin), done 10-10 (12 days), verified not
 *                            effective and reopened 10-12; due 10-20              committed, done, not effective, overdue
 * D     2                    proposed 10-03, committed 10-06, done 10-08 (5 days)  opened, committed, done
 * S     2, sub-step of D     proposed 10-04, committed 10-06, done 10-07          not counted: a sub-step
 * E     1                    proposed 10-12, dropped 10-14                        opened, dropped
 * F     3 (no team)          proposed 10-15, committed 10-18; due 10-28           opened, committed, overdue (all teams only)
 * J     1                    proposed 10-16, committed 10-19, done 10-22 21:00
 *                            (6.5 days), reopened 11-05                           opened, committed, done
 * H     2                    proposed 10-20; due 10-31                            opened, overdue
 * G     1                    proposed 10-31 23:30 (11-01 in Berlin)               nothing: November
 * </pre>
 */
@TestComponent
class FollowUpSeed {

    static final String PAYMENTS = "Payments";
    static final String DATA_CORE = "Data \"Core\", EU";

    private final MovableClock clock;
    private final IncidentManagement incidents;
    private final PostmortemManagement postmortems;
    private final ActionManagement actions;
    private final ReviewPolicy policy;
    private final TestPeople people;
    private boolean seeded;
    private @Nullable UserView owner;
    private @Nullable Author worker;

    FollowUpSeed(
            MovableClock clock,
            IncidentManagement incidents,
            PostmortemManagement postmortems,
            ActionManagement actions,
            ReviewPolicy policy,
            TestPeople people) {
        this.clock = clock;
        this.incidents = incidents;
        this.postmortems = postmortems;
        this.actions = actions;
        this.policy = policy;
        this.people = people;
    }

    /** Seed October 2026 once per application context and leave the clock at 10 November 2026. */
    synchronized void october() {
        if (seeded) {
            return;
        }
        seeded = true;
        berlin();
        at("2026-09-01T08:00:00Z");
        long pm1 = postmortem("Card payments declined", List.of(PAYMENTS));
        long pm2 = postmortem("Settlement export stalled", List.of(PAYMENTS, DATA_CORE));
        long pm3 = postmortem("Office Wi-Fi down", List.of());
        at("2026-09-01T09:00:00Z");
        long k = propose(pm1, null, "Alert on declines by issuer", "2026-09-30");
        at("2026-09-04T09:00:00Z");
        actions.commit(k, worker(), null);
        at("2026-09-08T09:00:00Z");
        actions.complete(k, worker());
        at("2026-09-10T09:00:00Z");
        long a = propose(pm1, null, "Retry declined captures once", "2026-10-15");
        at("2026-09-14T09:00:00Z");
        actions.commit(a, worker(), null);
        at("2026-09-20T09:00:00Z");
        long b = propose(pm1, null, "Runbook for issuer outages", "2026-10-31");
        at("2026-09-25T09:00:00Z");
        actions.commit(b, worker(), null);
        at("2026-09-28T09:00:00Z");
        long c = propose(pm2, null, "Watchdog on the export queue", "2026-10-20");
        at("2026-09-30T21:00:00Z");
        actions.verify(k, true, "No issuer outage went unnoticed in September", worker());
        at("2026-09-30T22:30:00Z");
        actions.commit(c, worker(), null);
        at("2026-10-02T09:00:00Z");
        actions.start(b, worker());
        at("2026-10-03T09:00:00Z");
        long d = propose(pm2, null, "Split the export by region", "2026-11-30");
        at("2026-10-04T09:00:00Z");
        long s = propose(pm2, d, "Add a region column", "2026-11-30");
        at("2026-10-05T09:00:00Z");
        actions.complete(b, worker());
        at("2026-10-06T09:00:00Z");
        actions.commit(d, worker(), null);
        at("2026-10-06T10:00:00Z");
        actions.commit(s, worker(), null);
        at("2026-10-07T09:00:00Z");
        actions.complete(s, worker());
        at("2026-10-08T09:00:00Z");
        actions.complete(d, worker());
        at("2026-10-10T09:00:00Z");
        actions.complete(c, worker());
        at("2026-10-12T09:00:00Z");
        actions.verify(c, false, "The queue stalled again on 11 October", worker());
        at("2026-10-12T09:05:00Z");
        actions.reopen(c, worker());
        at("2026-10-12T10:00:00Z");
        long e = propose(pm1, null, "Second payment provider", "2026-11-15");
        at("2026-10-14T09:00:00Z");
        actions.drop(e, "Too large for what it prevents", worker());
        at("2026-10-15T09:00:00Z");
        long f = propose(pm3, null, "Spare access point", "2026-10-28");
        at("2026-10-16T09:00:00Z");
        long j = propose(pm1, null, "Dashboard of declines", "2026-11-15");
        at("2026-10-18T09:00:00Z");
        actions.commit(f, worker(), null);
        at("2026-10-19T09:00:00Z");
        actions.commit(j, worker(), null);
        at("2026-10-20T09:00:00Z");
        actions.verify(b, true, "The last issuer outage was handled from the runbook", worker());
        at("2026-10-20T10:00:00Z");
        propose(pm2, null, "Alert when an export is late", "2026-10-31");
        at("2026-10-22T21:00:00Z");
        actions.complete(j, worker());
        at("2026-10-31T23:30:00Z");
        propose(pm1, null, "Decline codes in the runbook", "2026-11-30");
        at("2026-11-03T09:00:00Z");
        actions.complete(a, worker());
        at("2026-11-05T09:00:00Z");
        actions.reopen(j, worker());
        at("2026-11-10T09:00:00Z");
    }

    /** Return the member who owns the seeded postmortems. */
    UserView owner() {
        if (owner == null) {
            owner = people.member();
        }
        return owner;
    }

    private Author worker() {
        if (worker == null) {
            UserView member = people.member();
            worker = new Author(member.id(), member.displayName());
        }
        return worker;
    }

    private void berlin() {
        policy.changeReview(policy.approvalsRequired(), "Europe/Berlin");
    }

    private void at(String moment) {
        clock.set(Instant.parse(moment));
    }

    private long postmortem(String title, List<String> teams) {
        String key = incidents
                .declare(
                        new IncidentDetails(
                                title,
                                "",
                                IncidentKind.SYSTEM,
                                Severity.SEV2,
                                "Customers were affected.",
                                null,
                                List.of(),
                                teams,
                                Instant.parse("2026-08-31T10:00:00Z"),
                                null,
                                null,
                                null,
                                Instant.parse("2026-08-31T11:00:00Z")),
                        owner().displayName())
                .key();
        return postmortems
                .start(key, null, new Author(owner().id(), owner().displayName()))
                .id();
    }

    private long propose(long postmortemId, @Nullable Long parentId, String title, String due) {
        return actions.propose(
                        postmortemId,
                        parentId,
                        new ActionDetails(
                                title,
                                "",
                                LocalDate.parse(due),
                                Priority.P2,
                                ActionType.PREVENT,
                                "It does not happen again"),
                        worker().id(),
                        null,
                        worker())
                .id();
    }
}
