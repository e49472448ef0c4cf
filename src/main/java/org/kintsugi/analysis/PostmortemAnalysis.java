package org.kintsugi.analysis;

import java.util.List;
import java.util.Optional;
import org.kintsugi.analysis.account.AccountManagement;
import org.kintsugi.analysis.coach.Finding;
import org.kintsugi.analysis.coach.LanguageCoach;
import org.kintsugi.analysis.coach.LanguageReview;
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

    private final LanguageCoach coach;

    PostmortemAnalysis(AccountManagement accounts, FiveWhys whys, ContributingFactors factors, LanguageCoach coach) {
        this.coach = coach;
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
        return new AnalysisText(shared, whys.texts(postmortemId), factors(postmortemId));
    }

    /** Return the ids of the people whose personal accounts of the postmortem are shared (drafts stay private). */
    public List<Long> accountWriters(long postmortemId) {
        return accounts.shared(postmortemId).stream()
                .map(account -> account.authorId())
                .distinct()
                .toList();
    }

    /**
     * Open a branch of the postmortem's five whys: a new answer to the problem itself, as a debrief's theme starts
     * one. Return the new node's id.
     */
    @Transactional
    public long openWhy(long postmortemId, String answer, org.kintsugi.postmortem.Author actor) {
        return whys.addCause(postmortemId, null, new org.kintsugi.analysis.whys.WhyAnswer(answer, List.of()), actor)
                .id();
    }

    /**
     * Return the paths through the postmortem's five whys that its writers marked as chosen, each as its answers from
     * the first why down to the chosen one.
     */
    @Transactional(readOnly = true)
    public List<List<String>> chosenWhyPaths(long postmortemId) {
        org.kintsugi.analysis.whys.TreeView tree = whys.tree(postmortemId, 0L);
        java.util.Map<Long, String> answers = new java.util.HashMap<>();
        tree.nodes().forEach(node -> answers.put(node.id(), node.answer()));
        return tree.chosenPaths().stream()
                .map(path -> path.stream()
                        .map(answers::get)
                        .filter(java.util.Objects::nonNull)
                        .toList())
                .toList();
    }

    /** Return the contributing factors marked on the postmortem: statement, note and category. */
    @Transactional(readOnly = true)
    public List<AnalysisText.Factor> factors(long postmortemId) {
        return factors.forPostmortem(postmortemId).stream()
                .map(f -> new AnalysisText.Factor(
                        f.statement(), f.note(), f.category().name()))
                .toList();
    }

    /** Return the address of a node of the postmortem's five whys. */
    public String whyLink(long postmortemId, long nodeId) {
        return FiveWhys.link(postmortemId, nodeId);
    }

    /**
     * Return a short nudge when the language coach reads blame in a text (a card in a debrief, say): the first phrase
     * it points out, why, and what to ask instead; empty when the text reads as blameless.
     */
    public Optional<String> blameNudge(String text) {
        LanguageReview review = coach.review(text);
        if (review.findings().isEmpty()) {
            return Optional.empty();
        }
        Finding first = review.findings().getFirst();
        String nudge = "\u201c" + first.text() + "\u201d: "
                + first.category().label().toLowerCase(java.util.Locale.ROOT) + ". " + first.suggestion();
        return Optional.of(nudge.length() > 900 ? nudge.substring(0, 900) : nudge);
    }
}
