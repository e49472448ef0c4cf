package org.kintsugi.action.tracker;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The client for each tracker. */
@Component
class TrackerClients {

    private final Map<TrackerKind, TrackerClient> clients = new EnumMap<>(TrackerKind.class);

    TrackerClients(List<TrackerClient> all) {
        all.forEach(c -> clients.put(c.kind(), c));
    }

    TrackerClient of(TrackerKind kind) {
        TrackerClient client = clients.get(kind);
        if (client == null) {
            throw new IllegalStateException("No client for " + kind);
        }
        return client;
    }
}
