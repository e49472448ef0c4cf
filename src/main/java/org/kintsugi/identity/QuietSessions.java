package org.kintsugi.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Keep browser sessions in the database without writing to it on every page view. Spring Session records each
 * request's time as the session's last access, which rewrites the session's row (in a transaction of its own, with a
 * disk write) even when someone only reads a list. Here a request that changes nothing in the session is not saved,
 * and its time is recorded only once the last recorded access is older than {@link #refreshAfter}: a thirtieth of the
 * session's timeout, a minute at most. A session therefore ends after its timeout of inactivity counted from an access
 * at most that much before the last one: with the default 30 minutes, after 29 to 30 idle minutes.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
class QuietSessions implements FindByIndexNameSessionRepository<QuietSessions.QuietSession> {

    static final Duration MOST = Duration.ofMinutes(1);

    private final FindByIndexNameSessionRepository delegate;

    QuietSessions(FindByIndexNameSessionRepository<? extends Session> delegate) {
        this.delegate = delegate;
    }

    /** Return how old a recorded access may grow before a request records a new one. */
    static Duration refreshAfter(Duration timeout) {
        Duration share = timeout.dividedBy(30);
        return share.compareTo(MOST) > 0 ? MOST : share;
    }

    @Override
    public QuietSession createSession() {
        return new QuietSession(delegate.createSession(), true);
    }

    @Override
    public void save(QuietSession session) {
        if (session.dirty) {
            delegate.save(session.delegate);
            session.dirty = false;
        }
    }

    @Override
    public @Nullable QuietSession findById(String id) {
        Session found = delegate.findById(id);
        return found == null ? null : new QuietSession(found, false);
    }

    @Override
    public void deleteById(String id) {
        delegate.deleteById(id);
    }

    @Override
    public Map<String, QuietSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, Session> found = delegate.findByIndexNameAndIndexValue(indexName, indexValue);
        return found.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new QuietSession(e.getValue(), false)));
    }

    /** A session that notes whether anything worth saving happened to it. */
    static final class QuietSession implements Session {

        private final Session delegate;
        private boolean dirty;

        QuietSession(Session delegate, boolean isNew) {
            this.delegate = delegate;
            this.dirty = isNew;
        }

        @Override
        public void setLastAccessedTime(Instant at) {
            Instant recorded = delegate.getLastAccessedTime();
            if (!at.isBefore(recorded) && at.isBefore(recorded.plus(refreshAfter(delegate.getMaxInactiveInterval())))) {
                return;
            }
            delegate.setLastAccessedTime(at);
            dirty = true;
        }

        @Override
        public Instant getLastAccessedTime() {
            return delegate.getLastAccessedTime();
        }

        @Override
        public String getId() {
            return delegate.getId();
        }

        @Override
        public String changeSessionId() {
            dirty = true;
            return delegate.changeSessionId();
        }

        @Override
        public <T> @Nullable T getAttribute(String attributeName) {
            return delegate.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return delegate.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, @Nullable Object attributeValue) {
            dirty = true;
            delegate.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            dirty = true;
            delegate.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return delegate.getCreationTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            dirty = true;
            delegate.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return delegate.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return delegate.isExpired();
        }
    }
}
