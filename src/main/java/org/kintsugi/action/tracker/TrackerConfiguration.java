package org.kintsugi.action.tracker;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.kintsugi.postmortem.Author;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read and change how this installation reaches each tracker; tokens and secrets go in but never come out. */
@Service
@Transactional
public class TrackerConfiguration {

    private final TrackerSettingsStore settings;
    private final Clock clock;

    TrackerConfiguration(TrackerSettingsStore settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Return every tracker's settings, GitHub, GitLab, Jira. */
    @Transactional(readOnly = true)
    public List<TrackerSettingsView> all() {
        return Arrays.stream(TrackerKind.values()).map(this::find).toList();
    }

    /** Return one tracker's settings. */
    @Transactional(readOnly = true)
    public TrackerSettingsView find(TrackerKind kind) {
        return load(kind).view();
    }

    /** Return the trackers action items can be sent to now. */
    @Transactional(readOnly = true)
    public List<TrackerKind> usable() {
        return settings.findAll().stream()
                .filter(TrackerSettings::usable)
                .map(TrackerSettings::kind)
                .sorted()
                .toList();
    }

    /** Change a tracker's settings: all of the change or, when one field is wrong, nothing. */
    public TrackerSettingsView change(TrackerKind kind, TrackerSettingsChange change, Author actor) {
        TrackerSettings current = load(kind);
        current.change(change.checked(current.view()), clock.instant(), actor.name());
        settings.flush();
        return current.view();
    }

    /** Return how to call a tracker, or empty when it is not set up to be called. */
    Optional<Connection> connection(TrackerKind kind) {
        TrackerSettings found = load(kind);
        return found.usable() ? Optional.of(found.connection()) : Optional.empty();
    }

    /** Return the secret a tracker's webhook must prove it knows; empty when none is set. */
    String webhookSecret(TrackerKind kind) {
        return load(kind).connection().webhookSecret();
    }

    private TrackerSettings load(TrackerKind kind) {
        return settings.findById(kind.code()).orElseThrow();
    }
}
