package org.kintsugi.action.tracker;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.kintsugi.shared.secrets.EncryptedString;

/**
 * How this installation reaches one tracker: where it lives, how to sign in, where tickets go, the hook secret. The
 * token and the hook secret are encrypted in the database ({@link TrackerSecrets}).
 */
@Entity
@Table(name = "tracker_settings")
class TrackerSettings {

    @Id
    private String tracker = "";

    private boolean enabled;
    private String baseUrl = "";
    private String account = "";

    @Convert(converter = EncryptedString.class)
    private String token = "";

    private String target = "";
    private String issueType = "";

    @Convert(converter = EncryptedString.class)
    private String webhookSecret = "";

    private Instant updatedAt = Instant.EPOCH;
    private String updatedBy = "";

    protected TrackerSettings() {}

    TrackerKind kind() {
        return TrackerKind.fromCode(tracker).orElseThrow();
    }

    /** Take over the checked values; a blank token or secret keeps the one stored. */
    void change(TrackerSettingsChange.Checked change, Instant now, String actor) {
        this.enabled = change.enabled();
        this.baseUrl = change.baseUrl();
        this.account = change.account();
        this.target = change.target();
        this.issueType = change.issueType();
        if (!change.token().isEmpty()) {
            this.token = change.token();
        }
        if (!change.webhookSecret().isEmpty()) {
            this.webhookSecret = change.webhookSecret();
        }
        this.updatedAt = now;
        this.updatedBy = actor;
    }

    boolean hasToken() {
        return !token.isEmpty();
    }

    /** Return whether tickets can be sent: switched on, with an address, a token and a target. */
    boolean usable() {
        return enabled
                && !baseUrl.isEmpty()
                && hasToken()
                && !target.isEmpty()
                && (kind() != TrackerKind.JIRA || !account.isEmpty());
    }

    Connection connection() {
        return new Connection(kind(), baseUrl, account, token, target, issueType, webhookSecret);
    }

    TrackerSettingsView view() {
        return new TrackerSettingsView(
                kind(),
                enabled,
                baseUrl,
                account,
                target,
                issueType,
                hasToken(),
                !webhookSecret.isEmpty(),
                usable(),
                updatedAt.equals(Instant.EPOCH) || updatedBy.isEmpty() ? null : updatedAt,
                updatedBy);
    }
}
