package org.kintsugi.analysis.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.kintsugi.analysis.account.AccountManagement;
import org.kintsugi.analysis.account.AccountView;
import org.kintsugi.analysis.account.EntryView;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.postmortem.PostmortemPart;
import org.kintsugi.postmortem.PostmortemView;
import org.springframework.stereotype.Component;

/**
 * Show the personal accounts on a postmortem's page, under "Participants' accounts" where the template has that
 * section and under a heading of their own where it does not: the reader's own account, draft or shared, and the
 * accounts others shared. The exports carry the shared ones.
 */
@Component
class AccountsOnPostmortem implements PostmortemPart {

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final AccountManagement accounts;

    AccountsOnPostmortem(AccountManagement accounts) {
        this.accounts = accounts;
    }

    @Override
    public String sectionKey() {
        return "participants-accounts";
    }

    @Override
    public Optional<String> ownSectionHeading() {
        return Optional.of("Personal accounts");
    }

    @Override
    public Optional<Fragment> render(PostmortemView postmortem, KintsugiPrincipal viewer) {
        Map<String, Object> model = new HashMap<>();
        model.put("postmortemId", postmortem.id());
        model.put("mine", accounts.mine(postmortem.id(), viewer.id()).orElse(null));
        model.put(
                "others",
                accounts.shared(postmortem.id()).stream()
                        .filter(a -> !a.writtenBy(viewer.id()))
                        .toList());
        model.put("canWrite", viewer.canWrite());
        return Optional.of(new Fragment("analysis/account/fragments :: area", model));
    }

    /** A shared account fills the section, so it counts as written. */
    @Override
    public boolean fills(long postmortemId) {
        return !accounts.shared(postmortemId).isEmpty();
    }

    /** Return the shared accounts, each narrative under its writer's name with its entries in UTC. */
    @Override
    public String markdown(long postmortemId) {
        List<AccountView> shared = accounts.shared(postmortemId);
        StringBuilder out = new StringBuilder();
        for (AccountView account : shared) {
            out.append("### ").append(account.authorName()).append("'s account\n\n");
            if (!account.narrative().isBlank()) {
                out.append(account.narrative().strip()).append("\n\n");
            }
            for (EntryView entry : account.entries()) {
                out.append("- ")
                        .append(UTC.format(entry.at()))
                        .append(" UTC · ")
                        .append(entry.kind().label())
                        .append(": ")
                        .append(entry.text().replaceAll("\\s*\\R\\s*", " "))
                        .append('\n');
            }
            out.append('\n');
        }
        return out.toString();
    }
}
