package org.kintsugi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;

class QuietSessionsTests {

    /** Sessions in a map, counting what is written. */
    static final class CountingSessions implements FindByIndexNameSessionRepository<MapSession> {

        final Map<String, MapSession> stored = new HashMap<>();
        int saves;

        @Override
        public MapSession createSession() {
            return new MapSession();
        }

        @Override
        public void save(MapSession session) {
            saves++;
            stored.put(session.getId(), new MapSession(session));
        }

        @Override
        public MapSession findById(String id) {
            MapSession found = stored.get(id);
            return found == null || found.isExpired() ? null : new MapSession(found);
        }

        @Override
        public void deleteById(String id) {
            stored.remove(id);
        }

        @Override
        public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return Map.of();
        }
    }

    final CountingSessions stored = new CountingSessions();
    final QuietSessions sessions = new QuietSessions(stored);

    String signedIn(Instant at) {
        var session = sessions.createSession();
        session.setMaxInactiveInterval(Duration.ofMinutes(30));
        session.setLastAccessedTime(at);
        session.setAttribute("SPRING_SECURITY_CONTEXT", "someone");
        sessions.save(session);
        return session.getId();
    }

    @Test
    void aRequestSoonAfterTheLastRecordedOneWritesNothing() {
        Instant t0 = Instant.now().minus(Duration.ofMinutes(5));
        String id = signedIn(t0);
        int saves = stored.saves;

        var session = sessions.findById(id);
        session.setLastAccessedTime(t0.plusSeconds(59));
        session.getAttribute("SPRING_SECURITY_CONTEXT");
        sessions.save(session);

        assertThat(stored.saves).isEqualTo(saves);
        assertThat(stored.stored.get(id).getLastAccessedTime()).isEqualTo(t0);
    }

    @Test
    void aRequestAMinuteAfterTheLastRecordedOneRecordsItsTime() {
        Instant t0 = Instant.now().minus(Duration.ofMinutes(5));
        String id = signedIn(t0);

        var session = sessions.findById(id);
        session.setLastAccessedTime(t0.plusSeconds(60));
        sessions.save(session);

        assertThat(stored.stored.get(id).getLastAccessedTime()).isEqualTo(t0.plusSeconds(60));
    }

    @Test
    void aChangedAttributeIsWrittenAtOnce() {
        Instant t0 = Instant.now().minus(Duration.ofMinutes(5));
        String id = signedIn(t0);

        var session = sessions.findById(id);
        session.setLastAccessedTime(t0.plusSeconds(5));
        session.setAttribute("CSRF", "token");
        sessions.save(session);

        assertThat(stored.stored.get(id).<String>getAttribute("CSRF")).isEqualTo("token");
    }

    @Test
    void aSessionStillEndsAfterItsTimeoutOfInactivity() {
        Instant t0 = Instant.now().minus(Duration.ofMinutes(15));
        String id = signedIn(t0);
        // Requests every 30 seconds for ten minutes, then none.
        Instant last = t0;
        for (int s = 30; s <= 600; s += 30) {
            last = t0.plusSeconds(s);
            var session = sessions.findById(id);
            session.setLastAccessedTime(last);
            sessions.save(session);
        }
        MapSession stored = this.stored.stored.get(id);
        Instant ends = stored.getLastAccessedTime().plus(stored.getMaxInactiveInterval());
        assertThat(ends).isBetween(last.plus(Duration.ofMinutes(29)), last.plus(Duration.ofMinutes(30)));
    }

    @Test
    void aShortTimeoutIsRefreshedInProportion() {
        assertThat(QuietSessions.refreshAfter(Duration.ofMinutes(30))).isEqualTo(Duration.ofMinutes(1));
        assertThat(QuietSessions.refreshAfter(Duration.ofHours(8))).isEqualTo(Duration.ofMinutes(1));
        assertThat(QuietSessions.refreshAfter(Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(10));
    }
}
