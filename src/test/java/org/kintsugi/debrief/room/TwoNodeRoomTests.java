package org.kintsugi.debrief.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kintsugi.support.ChildKintsugi;

/**
 * Two Kintsugi nodes on one PostgreSQL database: a stream open on one node hears the changes made on the other,
 * carried by LISTEN/NOTIFY. Needs {@code KINTSUGI_TEST_PG_URL}; skipped otherwise.
 */
class TwoNodeRoomTests {

    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    @TempDir
    Path dataA;

    @TempDir
    Path dataB;

    ChildKintsugi a;
    ChildKintsugi b;

    @BeforeEach
    void needsPostgres() {
        Assumptions.assumeTrue(
                System.getenv("KINTSUGI_TEST_PG_URL") != null,
                "Two nodes need a shared PostgreSQL: set KINTSUGI_TEST_PG_URL (e.g."
                        + " jdbc:postgresql://127.0.0.1:5432/kintsugi_test)");
    }

    @AfterEach
    void stop() throws Exception {
        if (a != null) {
            a.kill();
        }
        if (b != null) {
            b.kill();
        }
    }

    static long id(String json) {
        Matcher m = ID.matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void aCardWrittenOnOneNodeReachesAStreamOnTheOther() throws Exception {
        a = ChildKintsugi.onPostgres(dataA).start();
        b = a.anotherNode(dataB).start();
        String token = a.token();
        long me = id(a.get(token, "/api/v1/me").body());
        String schedule = """
                {"title": "Two-node retrospective", "date": "%s", "time": "10:00", "zone": "UTC",
                 "durationMinutes": 60, "meetingLink": "https://meet.example.org/nodes", "facilitatorId": %d}""".formatted(LocalDate.now().plusDays(3), me);
        var made = a.post(token, "/api/v1/debriefs", schedule);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        long debrief = id(made.body());
        String room = "/api/v1/debriefs/" + debrief;
        assertThat(a.post(token, room + "/phase", "{\"phase\": \"reflect\"}").statusCode())
                .isEqualTo(200);

        try (EventStream onB = EventStream.open(
                b.url(room + "/events").toString(), ChildKintsugi.EMAIL, ChildKintsugi.PASSWORD, null)) {
            assertThat(onB.status()).isEqualTo(200);
            // The stream's first event, then its own "presence" (which may come before or after the card's event).
            onB.await(1, Duration.ofSeconds(10));
            long written = System.nanoTime();
            var card = a.post(token, room + "/cards", "{\"column\": \"keep\", \"text\": \"Written on node A\"}");
            assertThat(card.statusCode()).as(card.body()).isEqualTo(201);
            List<EventStream.Event> heard = onB.awaitData("card", Duration.ofSeconds(10));
            long millis = (System.nanoTime() - written) / 1_000_000;
            assertThat(heard.stream().map(EventStream.Event::data)).contains("card");
            System.out.println("A card written on node A reached a stream on node B in " + millis + " ms");
            assertThat(millis).as("from node A's write to node B's stream").isLessThan(2000);
            String seenOnB = b.get(token, room + "/cards").body();
            assertThat(seenOnB).contains("Written on node A");
        }
    }
}
