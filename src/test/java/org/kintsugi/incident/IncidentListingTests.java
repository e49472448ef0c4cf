package org.kintsugi.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
class IncidentListingTests {

    @Autowired
    IncidentManagement incidents;

    /** A word only this test's incidents carry, so incidents other tests declared never match. */
    String word;

    @BeforeEach
    void declareNineIncidentsSevenOfThemMentioningTheWord() {
        word = "quokka" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 7; i++) {
            incidents.declare(
                    IncidentFixtures.titled(IncidentFixtures.sev1Outage(), "Checkout " + word + " " + i), "Ada");
        }
        for (int i = 0; i < 2; i++) {
            incidents.declare(IncidentFixtures.titled(IncidentFixtures.sev1Outage(), "Checkout slow " + i), "Ada");
        }
    }

    IncidentFilter search(String text, int page, int size) {
        return new IncidentFilter(
                Set.of(),
                Set.of(Severity.SEV1),
                Set.of(),
                null,
                null,
                null,
                null,
                text,
                IncidentSort.NEWEST,
                page,
                size);
    }

    @Nested
    @DisplayName("a page people browse with a text filter")
    class Browsing {

        @Test
        void stopsCountingFourPagesPastThePageShown() {
            IncidentMatches first = incidents.browse(search(word, 0, 1));
            assertThat(first.moreThan()).isEqualTo(4);
            assertThat(first.page().getContent())
                    .singleElement()
                    .satisfies(i -> assertThat(i.title()).contains(word));
            assertThat(first.page().hasNext()).isTrue();

            IncidentMatches second = incidents.browse(search(word, 1, 1));
            assertThat(second.moreThan()).isEqualTo(5);
            assertThat(second.page().hasNext()).isTrue();
        }

        @Test
        void countsExactlyOnceTheRestFitsInTheCount() {
            IncidentMatches fourth = incidents.browse(search(word, 3, 1));
            assertThat(fourth.moreThan()).isNull();
            assertThat(fourth.page().getTotalElements()).isEqualTo(7);
            assertThat(fourth.page().getTotalPages()).isEqualTo(7);
        }

        @Test
        void readsTheMatchesInOrderWhateverTheCount() {
            List<String> titles = incidents.browse(search(word, 0, 25)).page().getContent().stream()
                    .map(IncidentView::title)
                    .toList();
            assertThat(titles).hasSize(7).allSatisfy(t -> assertThat(t).contains(word));
        }
    }

    @Test
    void aBrowsedPageHoldsTheSameIncidentsInTheSameOrderAsTheApiList() {
        for (int page = 0; page < 3; page++) {
            List<IncidentView> browsed =
                    incidents.browse(search(word, page, 3)).page().getContent();
            List<IncidentView> listed = incidents.list(search(word, page, 3)).getContent();
            assertThat(browsed).isEqualTo(listed).isNotEmpty();
        }
        assertThat(incidents.browse(search(word, 3, 3)).page().getContent()).isEmpty();
    }

    @Test
    void theApiListCountsEveryMatch() {
        var page = incidents.list(search(word, 0, 1));
        assertThat(page.getTotalElements()).isEqualTo(7);
    }
}
