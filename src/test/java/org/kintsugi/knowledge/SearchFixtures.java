package org.kintsugi.knowledge;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Predicate;
import org.kintsugi.identity.UserView;
import org.kintsugi.incident.IncidentDetails;
import org.kintsugi.incident.IncidentKind;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.incident.IncidentView;
import org.kintsugi.incident.Severity;

/** Incidents with words of their own, and waiting until the index shows what a test expects. */
final class SearchFixtures {

    private static final Random RANDOM = new Random();

    private SearchFixtures() {}

    /** Return a made-up word no other test uses, so each test finds only its own incidents. */
    static String word() {
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return word.toString().toLowerCase(Locale.ROOT);
    }

    static IncidentView declare(
            IncidentManagement incidents,
            UserView by,
            String title,
            String summary,
            IncidentKind kind,
            Severity severity,
            List<String> services,
            List<String> teams,
            Instant started) {
        Instant start = started.truncatedTo(ChronoUnit.MINUTES);
        return incidents.declare(
                new IncidentDetails(
                        title,
                        summary,
                        kind,
                        severity,
                        "Customers were affected.",
                        null,
                        services,
                        teams,
                        start,
                        null,
                        null,
                        null,
                        start.plus(1, ChronoUnit.HOURS)),
                by.displayName());
    }

    /** Wait until the search gives what the test expects: indexing follows each change after it commits. */
    static SearchResults until(KnowledgeSearch search, SearchQuery query, Predicate<SearchResults> expected) {
        return await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> search.search(query), expected);
    }

    static SearchResults until(KnowledgeSearch search, String text, Predicate<SearchResults> expected) {
        return until(search, SearchQuery.of(text), expected);
    }

    static List<String> keys(SearchResults results) {
        return results.hits().stream().map(SearchHit::incidentKey).toList();
    }
}
