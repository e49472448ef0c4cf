package org.kintsugi.debrief.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kintsugi.debrief.DebriefManagement;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.support.KintsugiServerTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The room's event stream over a real socket: a client that reconnects with Last-Event-ID is sent every change it
 * missed, from the database, then the live ones, each once and in order; the stream never names a card's author.
 */
@KintsugiServerTest
class DebriefRoomStreamTests {

    static final Duration WAIT = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @Autowired
    DebriefManagement debriefs;

    @Autowired
    TestPeople people;

    @Autowired
    RoomManagement rooms;

    @Autowired
    RoomCards cards;

    @Autowired
    RoomLog log;

    @Autowired
    RoomVotes votes;

    RoomWorld w;

    @BeforeEach
    void world() {
        w = RoomWorld.retrospective(debriefs, people);
    }

    String events() {
        return "http://localhost:" + port + w.api() + "/events";
    }

    KintsugiPrincipal as(org.kintsugi.identity.UserView person) {
        return KintsugiPrincipal.of(person);
    }

    @Test
    void aReconnectWithLastEventIdIsSentWhatItMissedThenLiveChanges() throws Exception {
        rooms.moveTo(w.id(), "check-in", null, as(w.facilitator()));
        rooms.configure(w.id(), true, 5, 3, as(w.facilitator()));
        rooms.moveTo(w.id(), "reflect", null, as(w.facilitator()));
        long seen;
        try (EventStream first = EventStream.open(events(), w.ben().email(), TestPeople.PASSWORD, null)) {
            assertThat(first.status()).isEqualTo(200);
            // A fresh stream is sent the latest change first, so the page fetches the room as it is.
            List<EventStream.Event> got = first.await(1, WAIT);
            assertThat(got).isNotEmpty();
            cards.write(w.id(), "keep", "Calm hand-offs between shifts", as(w.ada()));
            got = first.await(got.size() + 1, WAIT);
            // Someone else's card, while cards are hidden: Ben is sent the new count, with nothing to re-read.
            assertThat(got.getLast().name()).isEqualTo("cards");
            assertThat(got.getLast().data()).isEqualTo("1 card by others so far.");
            seen = got.getLast().id();
        }
        // While Ben is away: two more cards and the move to grouping.
        cards.write(w.id(), "stop", "Silent alerts", as(w.ada()));
        cards.write(w.id(), "start", "Game days", as(w.facilitator()));
        rooms.moveTo(w.id(), "group", null, as(w.facilitator()));
        List<Long> missed = log.after(w.id(), seen, 100).stream()
                .filter(s -> !s.kind().equals("presence"))
                .map(RoomSignal::id)
                .toList();
        assertThat(missed).hasSizeGreaterThanOrEqualTo(3);
        try (EventStream again =
                EventStream.open(events(), w.ben().email(), TestPeople.PASSWORD, Long.toString(seen))) {
            List<EventStream.Event> caughtUp = again.await(missed.size(), WAIT);
            assertThat(caughtUp.stream().map(EventStream.Event::id).toList()).containsAll(missed);
            assertThat(caughtUp).allMatch(e -> e.id() > seen);
            cards.theme(w.id(), "Alerting", as(w.ada()));
            long themeEvent = log.latest(w.id());
            List<EventStream.Event> live = again.await(caughtUp.size() + 1, WAIT);
            List<Long> ids = live.stream().map(EventStream.Event::id).toList();
            assertThat(ids).contains(themeEvent).isSorted().doesNotHaveDuplicates();
            assertThat(live.stream()
                            .filter(e -> e.id() == themeEvent)
                            .findFirst()
                            .orElseThrow()
                            .data())
                    .isEqualTo("theme");
            assertThat(again.raw())
                    .doesNotContain(w.ada().displayName())
                    .doesNotContain(w.ada().email())
                    .doesNotContain("Silent alerts");
        }
    }

    @Test
    void whileCardsAreHiddenOthersAreSentTheCountTheWriterAndTheFacilitatorTheChange() throws Exception {
        rooms.moveTo(w.id(), "reflect", null, as(w.facilitator()));
        try (EventStream ben = EventStream.open(events(), w.ben().email(), TestPeople.PASSWORD, null);
                EventStream ada = EventStream.open(events(), w.ada().email(), TestPeople.PASSWORD, null);
                EventStream lead = EventStream.open(events(), w.facilitator().email(), TestPeople.PASSWORD, null)) {
            ben.await(1, WAIT);
            ada.await(1, WAIT);
            lead.await(1, WAIT);
            cards.write(w.id(), "keep", "Calm hand-offs between shifts", as(w.ada()));
            long written = log.latest(w.id());
            EventStream.Event toBen = ben.awaitId(written, WAIT);
            assertThat(toBen.name()).isEqualTo("cards");
            assertThat(toBen.data()).isEqualTo("1 card by others so far.");
            assertThat(ada.awaitId(written, WAIT).name()).isEqualTo("room");
            // Each stream is told what it may know as the change reaches its node, which on PostgreSQL is a moment
            // after the commit: Ben writes once Ada's card has reached everyone.
            assertThat(lead.awaitId(written, WAIT).name()).isEqualTo("room");
            cards.write(w.id(), "stop", "Silent alerts", as(w.ben()));
            long second = log.latest(w.id());
            // Ben's own card changes his own view: his page re-reads the room.
            assertThat(ben.awaitId(second, WAIT).name()).isEqualTo("room");
            EventStream.Event benWroteToAda = ada.awaitId(second, WAIT);
            assertThat(benWroteToAda.name()).isEqualTo("cards");
            assertThat(benWroteToAda.data()).isEqualTo("1 card by others so far.");
            // The facilitator re-reads the room on every card: the coach's nudges are theirs to see.
            assertThat(lead.awaitId(second, WAIT).name()).isEqualTo("room");
            assertThat(ben.raw() + ada.raw()).doesNotContain("Calm hand-offs", "Silent alerts");
        }
    }

    @Test
    void someoneJoiningReachesOthersAsTheWhoIsHereLineAndTheFacilitatorAsAChange() throws Exception {
        rooms.moveTo(w.id(), "reflect", null, as(w.facilitator()));
        try (EventStream ben = EventStream.open(events(), w.ben().email(), TestPeople.PASSWORD, null);
                EventStream lead = EventStream.open(events(), w.facilitator().email(), TestPeople.PASSWORD, null)) {
            ben.await(1, WAIT);
            lead.await(1, WAIT);
            try (EventStream ada = EventStream.open(events(), w.ada().email(), TestPeople.PASSWORD, null)) {
                ada.await(1, WAIT);
                long joined = log.latest(w.id());
                EventStream.Event toBen = ben.awaitId(joined, WAIT);
                assertThat(toBen.name()).isEqualTo("people");
                assertThat(toBen.data())
                        .contains("class=\"room-people\"", w.ada().displayName() + "</span>")
                        .contains("Facilitator: " + w.facilitator().displayName());
                assertThat(toBen.data().replaceAll("\\s+", " "))
                        .containsPattern("present\">\\s*<span>"
                                + java.util.regex.Pattern.quote(w.ada().displayName())
                                + "</span><span class=\"visually-hidden\"> \\(here\\)");
                // The facilitator's hand-over lists who is here: their page reads the room again.
                assertThat(lead.awaitId(joined, WAIT).name()).isEqualTo("room");
            }
        }
    }

    @Test
    void someoneElsesVoteReachesOthersAsTheThemesTotalsAndVotesLeftTheVotersOwnStreamAsAChange() throws Exception {
        rooms.moveTo(w.id(), "reflect", null, as(w.facilitator()));
        cards.write(w.id(), "stop", "Silent alerts", as(w.ada()));
        rooms.moveTo(w.id(), "group", null, as(w.facilitator()));
        long theme = cards.theme(w.id(), "Alerting", as(w.ada()));
        rooms.moveTo(w.id(), "vote", null, as(w.facilitator()));
        try (EventStream ben = EventStream.open(events(), w.ben().email(), TestPeople.PASSWORD, null);
                EventStream ada = EventStream.open(events(), w.ada().email(), TestPeople.PASSWORD, null)) {
            ben.await(1, WAIT);
            ada.await(1, WAIT);
            votes.vote(w.id(), theme, as(w.ada()));
            long voted = log.latest(w.id());
            EventStream.Event toBen = ben.awaitId(voted, WAIT);
            assertThat(toBen.name()).isEqualTo("votes");
            assertThat(toBen.data().replaceAll("\\s+", " "))
                    .contains("id=\"theme-votes-" + theme + "\" hx-swap-oob=\"true\">1 vote</span>")
                    .contains("id=\"room-people\" hx-swap-oob=\"innerHTML\"")
                    .containsPattern(
                            java.util.regex.Pattern.quote(w.ada().displayName())
                                    + "</span><span class=\"visually-hidden\"> \\((not )?here\\)</span>\\s?<small class=\"votes-left\">4 left");
            assertThat(ada.awaitId(voted, WAIT).name()).isEqualTo("room");
        }
    }

    @Test
    void onlyThosePresentInTheRoomMayStreamIt() throws Exception {
        try (EventStream outsider = EventStream.open(events(), w.outsider().email(), TestPeople.PASSWORD, null)) {
            assertThat(outsider.status()).isEqualTo(403);
        }
        try (EventStream viewer = EventStream.open(events(), w.viewer().email(), TestPeople.PASSWORD, null)) {
            assertThat(viewer.status()).isEqualTo(200);
        }
    }
}
