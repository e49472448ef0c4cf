package org.kintsugi.shared.secrets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Where the keys come from: {@code KINTSUGI_SECRET_KEY} when set, else the key file
 * ({@code KINTSUGI_SECRET_KEY_FILE}, by default {@code secret.key} in the data directory), created on first start;
 * {@code KINTSUGI_SECRET_OLD_KEYS} adds keys that only decrypt. With a key set, the key file's keys still decrypt, so
 * moving from the file to a key of one's own re-encrypts everything under the new key.
 */
@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecretsConfiguration.class);

    @Bean
    Secrets secrets(Environment environment) {
        return new Secrets(ring(environment));
    }

    static SecretKeyRing ring(Environment environment) {
        String key = environment.getProperty("kintsugi.secret-key", "").strip();
        List<String> old = Arrays.stream(
                        environment.getProperty("kintsugi.secret-old-keys", "").split(","))
                .map(String::strip)
                .filter(k -> !k.isEmpty())
                .toList();
        Path file = Path.of(environment.getProperty(
                "kintsugi.secret-key-file",
                Path.of(environment.getProperty("kintsugi.data-dir", "./data"), "secret.key")
                        .toString()));
        List<String> keys = new ArrayList<>();
        String source;
        if (key.isEmpty()) {
            keys.addAll(SecretKeyFile.readOrCreate(file));
            source = "the key file " + file.toAbsolutePath() + " or KINTSUGI_SECRET_OLD_KEYS";
        } else {
            keys.add(key);
            keys.addAll(SecretKeyFile.readIfExists(file));
            source = "KINTSUGI_SECRET_KEY, KINTSUGI_SECRET_OLD_KEYS or the key file " + file.toAbsolutePath();
        }
        keys.addAll(old);
        SecretKeyRing ring = SecretKeyRing.of(source, keys);
        log.info(
                "Secrets are encrypted with key {} (from {})",
                ring.primaryId(),
                key.isEmpty() ? file : "KINTSUGI_SECRET_KEY");
        return ring;
    }
}
