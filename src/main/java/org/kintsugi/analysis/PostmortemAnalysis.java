package org.kintsugi.analysis;

import java.util.List;
import org.kintsugi.analysis.account.AccountManagement;
import org.kintsugi.analysis.factors.ContributingFactors;
import org.kintsugi.analysis.whys.FiveWhys;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read what a postmortem's analysis says in words, for modules that index or summarise it. */
@Service
@Transactional(readOnly = true)
public class PostmortemAnalysis {

    private final AccountManagement accounts;
    private final FiveWhys whys;
    private final ContributingFactors factors;

    PostmortemAnalysis(AccountManagement accounts, FiveWhys whys, ContributingFactors factors) {
        this.accounts = accounts;
        this.whys = whys;
        this.factors = factors;
    }

    /** Return the words of the postmortem's shared accounts (never drafts), five whys and contributing factors. */
    public AnalysisText text(long postmortemId) {
        List<String> shared = accounts.shared(postmortemId).stream()
                .flatMap(account -> java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(account.narrative()),
                        account.entries().stream().map(entry -> entry.text())))
                .filter(text -> !text.isBlank())
                .toList();
        List<AnalysisText.Factor> named = factors.forPostmortem(postmortemId).stream()
                .map(f -> new AnalysisText.Factor(
                        f.statement(), f.note(), f.category().name()))
                .toList();
        return new AnalysisText(shared, whys.texts(postmortemId), named);
    }

    /** Return the ids of the people whose personal accounts of the postmortem are shared (drafts stay private). */
    public List<Long> accountWriters(long postmortemId) {
        return accounts.shared(postmortemId).stream()
                .map(account -> account.authorId())
                .distinct()
                .toList();
    }
}
