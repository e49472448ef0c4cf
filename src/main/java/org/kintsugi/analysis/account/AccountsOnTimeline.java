package org.kintsugi.analysis.account;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.kintsugi.postmortem.TimelineContribution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Put the entries of shared accounts on the postmortem's timeline, each at its time with its writer and a link to the
 * account, and mark where accounts tell the same moment differently. Drafts never reach the timeline.
 */
@Component
class AccountsOnTimeline implements TimelineContribution {

    static final String ORIGIN = "personal account";

    private final AccountManagement accounts;
    private final Duration window;

    AccountsOnTimeline(
            AccountManagement accounts, @Value("${kintsugi.accounts.disagreement-window:5m}") Duration window) {
        this.accounts = accounts;
        this.window = window;
    }

    @Override
    public List<TimelineContribution.Moment> moments(long postmortemId) {
        List<Disagreements.Said> said = new ArrayList<>();
        List<AccountView> shared = accounts.shared(postmortemId);
        for (AccountView account : shared) {
            account.entries().forEach(e -> said.add(new Disagreements.Said(account.id(), account.authorId(), e)));
        }
        Map<String, String> points = Disagreements.find(said, window);
        List<TimelineContribution.Moment> moments = new ArrayList<>();
        for (AccountView account : shared) {
            for (EntryView entry : account.entries()) {
                moments.add(new TimelineContribution.Moment(
                        entry.at(),
                        entry.text(),
                        entry.kind().timelineKind(),
                        entry.kind().label(),
                        account.authorName(),
                        ORIGIN,
                        link(account, entry),
                        points.get(Disagreements.key(account.id(), entry.id()))));
            }
        }
        moments.sort(Comparator.comparing(TimelineContribution.Moment::at));
        return moments;
    }

    /** Return where an entry is read in its account. */
    static String link(AccountView account, EntryView entry) {
        return "/postmortems/" + account.postmortemId() + "/accounts/" + account.id() + "#entry-" + entry.id();
    }
}
