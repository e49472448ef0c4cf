package org.kintsugi.analysis.whys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kintsugi.analysis.WhysFixtures.answer;
import static org.kintsugi.analysis.WhysFixtures.as;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kintsugi.action.ActionDetails;
import org.kintsugi.action.ActionManagement;
import org.kintsugi.action.ActionType;
import org.kintsugi.action.ActionView;
import org.kintsugi.action.Priority;
import org.kintsugi.analysis.WhysFixtures;
import org.kintsugi.analysis.account.AccountManagement;
import org.kintsugi.analysis.account.AccountView;
import org.kintsugi.analysis.account.EntryDraft;
import org.kintsugi.analysis.account.EntryKind;
import org.kintsugi.identity.UserView;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.postmortem.PostmortemStatus;
import org.kintsugi.postmortem.PostmortemTimeline;
import org.kintsugi.postmortem.PostmortemView;
import org.kintsugi.postmortem.TimelineItem;
import org.kintsugi.postmortem.TimelineKind;
import org.kintsugi.postmortem.review.PostmortemReview;
import org.kintsugi.postmortem.timeline.TimelineEntry;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.NotFoundException;
import org.kintsugi.shared.RefusedException;
import org.kintsugi.shared.StaleVersionException;
import org.kintsugi.support.KintsugiAppTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The five whys as a module flow: the tree, its evidence, the vote budget, the chosen path and action items. */
@KintsugiAppTest
class FiveWhysTests {

    @Autowired
    FiveWhys whys;

    @Autowired
    VotingRules voting;

    @Autowired
    TestPeople people;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    PostmortemManagement postmortems;

    @Autowired
    PostmortemTimeline timeline;

    @Autowired
    PostmortemReview review;

    @Autowired
    ActionManagement actions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountManagement accounts;

    UserView owner;
    UserView member;
    long pm;

    @BeforeEach
    void postmortem() {
        owner = people.member();
        member = people.member();
        pm = WhysFixtures.postmortem(incidents, postmortems, owner, null, "Payments")
                .id();
    }

    NodeView add(Long parent, String text) {
        return whys.addCause(pm, parent, answer(text), as(owner));
    }

    @Nested
    @DisplayName("The tree")
    class Tree {

        @Test
        void startsFromTheIncidentsImpactWithNoAnswers() {
            TreeView tree = whys.tree(pm, owner.id());
            assertThat(tree.problem()).isEqualTo(WhysFixtures.IMPACT);
            assertThat(tree.problemFromIncident()).isTrue();
            assertThat(tree.empty()).isTrue();
            assertThat(tree.votesLeft()).isEqualTo(3);
        }

        @Test
        void answersBranchUnderTheProblemAndUnderEachOther() {
            NodeView timeouts = add(null, "The payment service timed out");
            NodeView deploy = add(null, "A deploy went out during peak traffic");
            NodeView pool = add(timeouts.id(), "The connection pool was exhausted");
            NodeView retries = add(timeouts.id(), "Retries doubled the load");
            NodeView sizing = add(pool.id(), "The pool was sized for last year's traffic");

            TreeView tree = whys.tree(pm, owner.id());
            assertThat(tree.roots()).extracting(NodeView::answer).containsExactly(timeouts.answer(), deploy.answer());
            assertThat(tree.children(timeouts.id())).extracting(NodeView::id).containsExactly(pool.id(), retries.id());
            assertThat(tree.nodes())
                    .extracting(NodeView::id)
                    .containsExactly(timeouts.id(), pool.id(), sizing.id(), retries.id(), deploy.id());
            assertThat(tree.node(sizing.id()).orElseThrow().depth()).isEqualTo(3);
            assertThat(tree.depth()).isEqualTo(3);
            assertThat(sizing.createdBy()).isEqualTo(owner.displayName());
        }

        @Test
        void anAnswerNeedsWordsAndAParentInTheSameTree() {
            assertThatThrownBy(() -> add(null, "   "))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("answer: is required");
            assertThatThrownBy(() -> add(999_999L, "Under nothing")).isInstanceOf(NotFoundException.class);
        }

        @Test
        void theProblemIsRestatedAgainstTheVersionReadAndBlankGoesBackToTheImpact() {
            TreeView restated = whys.restate(pm, 0, "Checkout returned errors to 40% of buyers", as(owner));
            assertThat(restated.problem()).isEqualTo("Checkout returned errors to 40% of buyers");
            assertThat(restated.problemFromIncident()).isFalse();
            assertThatThrownBy(() -> whys.restate(pm, 0, "Something else", as(member)))
                    .isInstanceOf(StaleVersionException.class);
            TreeView back = whys.restate(pm, restated.version(), " ", as(owner));
            assertThat(back.problem()).isEqualTo(WhysFixtures.IMPACT);
        }

        @Test
        void aChangeBasedOnAnOlderVersionOfAnAnswerIsRefused() {
            NodeView node = add(null, "The payment service timed out");
            NodeView revised = whys.revise(pm, node.id(), node.version(), answer("It timed out after 30 s"), as(owner));
            assertThat(revised.answer()).isEqualTo("It timed out after 30 s");
            assertThat(revised.version()).isGreaterThan(node.version());
            assertThatThrownBy(() -> whys.revise(pm, node.id(), node.version(), answer("It timed out"), as(member)))
                    .isInstanceOf(StaleVersionException.class)
                    .hasMessageContaining("changed by someone else");
        }

        @Test
        void removingAnAnswerTakesEverythingUnderItAndGivesTheVotesBack() {
            NodeView top = add(null, "The payment service timed out");
            NodeView below = add(top.id(), "The pool was exhausted");
            add(below.id(), "The pool was sized for last year");
            NodeView other = add(null, "A deploy went out at peak");
            whys.vote(pm, below.id(), as(member));
            whys.vote(pm, below.id(), as(member));

            assertThat(whys.remove(pm, top.id(), as(owner))).isEqualTo(3);

            TreeView tree = whys.tree(pm, member.id());
            assertThat(tree.nodes()).extracting(NodeView::id).containsExactly(other.id());
            assertThat(tree.votesLeft()).isEqualTo(3);
        }

        @Test
        void onlyADraftsTreeChanges() {
            add(null, "The payment service timed out");
            PostmortemView draft = postmortems.find(pm);
            for (PostmortemView.Section section : draft.missing()) {
                postmortems.write(pm, section.key(), section.version(), "Written.", owner.displayName());
            }
            review.submit(pm, as(owner));
            assertThat(postmortems.find(pm).status()).isEqualTo(PostmortemStatus.IN_REVIEW);

            assertThatThrownBy(() -> add(null, "Another reason"))
                    .isInstanceOf(RefusedException.class)
                    .hasMessageContaining("Only a draft can be changed");
            assertThat(whys.tree(pm, owner.id()).editable()).isFalse();
        }

        @Test
        void theCoachPointsAtBlamefulAnswers() {
            NodeView blame = add(null, "Bob should have checked the dashboard before deploying");
            NodeView fine = add(null, "The dashboard did not show pool saturation");
            assertThat(blame.findings()).isNotEmpty();
            assertThat(blame.findings().getFirst().suggestion()).isNotBlank();
            assertThat(fine.findings()).isEmpty();
        }
    }

    @Nested
    @DisplayName("Evidence")
    class EvidenceOfAnAnswer {

        @Test
        void pointsAtTimelineEventsAccountEntriesAndWebAddresses() {
            TimelineItem event = timeline.add(
                    pm,
                    new TimelineEntry(Instant.now(), "Pool saturation alert fired", TimelineKind.DETECTION, "", false),
                    owner.displayName());
            AccountView account = accounts.start(
                    pm,
                    as(member),
                    "",
                    List.of(new EntryDraft(Instant.now(), EntryKind.OBSERVED, "Every checkout call waited 30 s")));
            accounts.share(pm, account.id(), as(member), null);
            String entry = account.id() + ":1";
            NodeView node = whys.addCause(
                    pm,
                    null,
                    answer(
                            "The pool was exhausted",
                            new Evidence(EvidenceKind.TIMELINE_EVENT, String.valueOf(event.id()), ""),
                            new Evidence(EvidenceKind.ACCOUNT_ENTRY, entry, ""),
                            new Evidence(EvidenceKind.URL, "https://grafana.example/d/pool", "Pool dashboard")),
                    as(owner));
            assertThat(node.evidence())
                    .containsExactly(
                            new Evidence(
                                    EvidenceKind.TIMELINE_EVENT,
                                    String.valueOf(event.id()),
                                    "Pool saturation alert fired"),
                            new Evidence(
                                    EvidenceKind.ACCOUNT_ENTRY,
                                    entry,
                                    member.displayName() + " (observed): Every checkout call waited 30 s"),
                            new Evidence(EvidenceKind.URL, "https://grafana.example/d/pool", "Pool dashboard"));
        }

        @Test
        void refusesAnEntryOfADraftAccountWhichOnlyItsWriterMayRead() {
            AccountView draft = accounts.start(
                    pm,
                    as(member),
                    "",
                    List.of(new EntryDraft(Instant.now(), EntryKind.OBSERVED, "Every checkout call waited 30 s")));
            assertThatThrownBy(() -> whys.addCause(
                            pm,
                            null,
                            answer(
                                    "The pool was exhausted",
                                    new Evidence(EvidenceKind.ACCOUNT_ENTRY, draft.id() + ":1", "")),
                            as(owner)))
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.byField())
                                    .containsEntry(
                                            "evidence[0].ref",
                                            "is not an entry of an account shared on this postmortem"));
        }

        @Test
        void refusesEventsOfOtherTimelinesAndAddressesThatAreNotHttp() {
            assertThatThrownBy(() -> whys.addCause(
                            pm,
                            null,
                            answer(
                                    "The pool was exhausted",
                                    new Evidence(EvidenceKind.TIMELINE_EVENT, "987654", ""),
                                    new Evidence(EvidenceKind.URL, "javascript:alert(1)", ""),
                                    new Evidence(EvidenceKind.URL, "ftp://files.example/log", ""),
                                    new Evidence(EvidenceKind.ACCOUNT_ENTRY, "twelve", "")),
                            as(owner)))
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.problems())
                                    .extracting(p -> p.field())
                                    .containsExactly(
                                            "evidence[0].ref",
                                            "evidence[1].ref",
                                            "evidence[2].ref",
                                            "evidence[3].ref"));
            assertThat(whys.tree(pm, owner.id()).empty()).isTrue();
        }
    }

    @Nested
    @DisplayName("Votes")
    class Votes {

        List<NodeView> nodes;

        @BeforeEach
        void fourAnswers() {
            nodes = List.of(add(null, "One"), add(null, "Two"), add(null, "Three"), add(null, "Four"));
        }

        long node(int i) {
            return nodes.get(i).id();
        }

        @Test
        void eachPersonHasThreeVotesPerTree() {
            whys.vote(pm, node(0), as(member));
            whys.vote(pm, node(1), as(member));
            VoteState third = whys.vote(pm, node(2), as(member));
            assertThat(third.votesLeft()).isZero();
            assertThatThrownBy(() -> whys.vote(pm, node(3), as(member)))
                    .isInstanceOf(RefusedException.class)
                    .hasMessage("You have used all 3 of your votes on this tree. Withdraw a vote from another answer"
                            + " to vote for this one.");
            assertThat(whys.tree(pm, member.id()).node(node(3)).orElseThrow().votes())
                    .isZero();
        }

        @Test
        void atMostTwoOfThemOnOneAnswer() {
            whys.vote(pm, node(0), as(member));
            VoteState second = whys.vote(pm, node(0), as(member));
            assertThat(second).isEqualTo(new VoteState(node(0), 2, 2, 1));
            assertThatThrownBy(() -> whys.vote(pm, node(0), as(member)))
                    .isInstanceOf(RefusedException.class)
                    .hasMessageContaining("the most one person may give one answer");
        }

        @Test
        void withdrawingAVoteFreesItForAnotherAnswer() {
            whys.vote(pm, node(0), as(member));
            whys.vote(pm, node(0), as(member));
            whys.vote(pm, node(1), as(member));
            VoteState withdrawn = whys.withdraw(pm, node(0), as(member));
            assertThat(withdrawn).isEqualTo(new VoteState(node(0), 1, 1, 1));
            assertThat(whys.vote(pm, node(3), as(member)).votesLeft()).isZero();
            assertThatThrownBy(() -> whys.withdraw(pm, node(2), as(member)))
                    .isInstanceOf(RefusedException.class)
                    .hasMessage("You have no vote on this answer to withdraw.");
        }

        @Test
        void everyPersonHasABudgetOfTheirOwn() {
            whys.vote(pm, node(0), as(member));
            whys.vote(pm, node(0), as(member));
            whys.vote(pm, node(1), as(member));
            VoteState owners = whys.vote(pm, node(0), as(owner));
            assertThat(owners).isEqualTo(new VoteState(node(0), 3, 1, 2));
            TreeView seenByOwner = whys.tree(pm, owner.id());
            assertThat(seenByOwner.node(node(0)).orElseThrow().myVotes()).isEqualTo(1);
            assertThat(seenByOwner.votesLeft()).isEqualTo(2);
        }

        @Test
        void aChangedBudgetAppliesToTheNextVote() {
            try {
                voting.change(new VoteBudget(5, 3));
                for (int i = 0; i < 3; i++) {
                    whys.vote(pm, node(0), as(member));
                }
                whys.vote(pm, node(1), as(member));
                assertThat(whys.vote(pm, node(2), as(member)).votesLeft()).isZero();

                voting.change(new VoteBudget(2, 1));
                assertThat(whys.tree(pm, member.id()).votesLeft()).isZero();
                assertThatThrownBy(() -> whys.vote(pm, node(3), as(member)))
                        .hasMessageContaining("all 2 of your votes");
                assertThat(whys.tree(pm, member.id())
                                .node(node(0))
                                .orElseThrow()
                                .votes())
                        .as("votes cast before the change stay")
                        .isEqualTo(3);
            } finally {
                voting.change(VoteBudget.DEFAULT);
            }
        }

        @Test
        void theBudgetHoldsWhenManyVotesArriveAtOnce() throws Exception {
            int attempts = 12;
            ExecutorService pool = Executors.newFixedThreadPool(6);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<Boolean>> results = new ArrayList<>();
                for (int i = 0; i < attempts; i++) {
                    long target = node(i % 4);
                    Callable<Boolean> vote = () -> {
                        start.await();
                        try {
                            whys.vote(pm, target, as(member));
                            return true;
                        } catch (RefusedException e) {
                            return false;
                        }
                    };
                    results.add(pool.submit(vote));
                }
                start.countDown();
                int accepted = 0;
                for (Future<Boolean> result : results) {
                    accepted += result.get(60, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(accepted).isEqualTo(3);
                assertThat(votesInDatabase(member)).isEqualTo(3);
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void oneAnswerGetsNoMoreThanTwoFromOnePersonWhenVotesArriveAtOnce() throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(6);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<Boolean>> results = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        try {
                            whys.vote(pm, node(0), as(owner));
                            return true;
                        } catch (RefusedException e) {
                            return false;
                        }
                    }));
                }
                start.countDown();
                int accepted = 0;
                for (Future<Boolean> result : results) {
                    accepted += result.get(60, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(accepted).isEqualTo(2);
                assertThat(votesInDatabase(owner)).isEqualTo(2);
            } finally {
                pool.shutdownNow();
            }
        }

        int votesInDatabase(UserView voter) {
            return jdbc.sql("select count(*) from why_votes where postmortem_id = ? and user_id = ?")
                    .params(pm, voter.id())
                    .query(Integer.class)
                    .single();
        }
    }

    @Nested
    @DisplayName("The chosen path")
    class ChosenPath {

        @Test
        void theOwnerMarksAnAnswerAndItsAncestorsAreThePath() {
            NodeView top = add(null, "The payment service timed out");
            NodeView middle = add(top.id(), "The pool was exhausted");
            NodeView chosen = add(middle.id(), "The pool was sized for last year");
            NodeView aside = add(top.id(), "Retries doubled the load");

            NodeView marked = whys.choose(pm, chosen.id(), true, as(owner));
            assertThat(marked.chosen()).isTrue();

            TreeView tree = whys.tree(pm, owner.id());
            assertThat(tree.chosenPaths()).containsExactly(List.of(top.id(), middle.id(), chosen.id()));
            assertThat(tree.nodes())
                    .filteredOn(NodeView::onChosenPath)
                    .extracting(NodeView::id)
                    .containsExactlyInAnyOrder(top.id(), middle.id(), chosen.id());
            assertThat(tree.node(aside.id()).orElseThrow().onChosenPath()).isFalse();

            whys.choose(pm, chosen.id(), false, as(owner));
            assertThat(whys.tree(pm, owner.id()).chosenPaths()).isEmpty();
        }

        @Test
        void onlyTheOwnerChooses() {
            NodeView top = add(null, "The payment service timed out");
            assertThatThrownBy(() -> whys.choose(pm, top.id(), true, as(member)))
                    .isInstanceOfSatisfying(
                            RefusedException.class,
                            e -> assertThat(e.reason()).isEqualTo(RefusedException.Reason.PERSON))
                    .hasMessageContaining("marks the chosen path");
        }
    }

    @Nested
    @DisplayName("Action items")
    class Actions {

        @Test
        void anAnswerBecomesAnActionItemThatLinksBack() {
            NodeView top = add(null, "The payment service timed out");
            NodeView pool = add(top.id(), "The pool was sized for last year's traffic");
            ActionDetails details = new ActionDetails(
                    "Size the pool from this year's peak",
                    "",
                    LocalDate.now().plusDays(14),
                    Priority.P2,
                    ActionType.PREVENT,
                    "No pool saturation at the next peak");

            NodeView linked = whys.toAction(pm, pool.id(), details, member.id(), as(owner));

            List<ActionView> items = actions.forPostmortem(pm);
            assertThat(items).singleElement().satisfies(item -> {
                assertThat(item.id()).isEqualTo(linked.actionId());
                assertThat(item.title()).isEqualTo("Size the pool from this year's peak");
                assertThat(item.owner().id()).isEqualTo(member.id());
                assertThat(item.description())
                        .contains("Why? The payment service timed out")
                        .contains("Why? The pool was sized for last year's traffic")
                        .contains("/postmortems/" + pm + "/whys/nodes/" + pool.id());
            });
            assertThatThrownBy(() -> whys.toAction(pm, pool.id(), details, member.id(), as(owner)))
                    .isInstanceOf(RefusedException.class)
                    .hasMessageContaining("already has action item");
        }

        @Test
        void anEmptyTitleTakesTheAnswersWords() {
            NodeView top = add(null, "Nobody was paged for pool saturation");
            ActionDetails details = new ActionDetails(
                    "", "", LocalDate.now().plusDays(7), Priority.P3, ActionType.DETECT, "The next saturation pages");
            NodeView linked = whys.toAction(pm, top.id(), details, owner.id(), as(owner));
            assertThat(actions.find(linked.actionId()).title()).isEqualTo("Nobody was paged for pool saturation");
        }
    }
}
