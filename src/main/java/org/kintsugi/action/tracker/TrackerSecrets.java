package org.kintsugi.action.tracker;

import org.kintsugi.shared.secrets.SecretColumns;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The trackers' tokens and webhook secrets are secrets: encrypted in the database, re-encrypted on key rotation. */
@Configuration(proxyBeanMethods = false)
class TrackerSecrets {

    @Bean
    SecretColumns trackerSecretColumns() {
        return new SecretColumns("tracker_settings", "tracker", "token", "webhook_secret");
    }
}
