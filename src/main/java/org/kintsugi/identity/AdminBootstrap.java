package org.kintsugi.identity;

import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Create the first administrator from {@code KINTSUGI_ADMIN_EMAIL} / {@code KINTSUGI_ADMIN_PASSWORD} when the database
 * has nobody yet; without them, the first visit shows the set-up page.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserManagement users;
    private final String email;
    private final String password;
    private final String name;

    AdminBootstrap(
            UserManagement users,
            @Value("${kintsugi.admin.email:}") String email,
            @Value("${kintsugi.admin.password:}") String password,
            @Value("${kintsugi.admin.name:Administrator}") String name) {
        this.users = users;
        this.email = email;
        this.password = password;
        this.name = name;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (email.isBlank() || !users.needsSetup()) {
            return;
        }
        if (password.isBlank()) {
            log.warn("KINTSUGI_ADMIN_EMAIL is set without KINTSUGI_ADMIN_PASSWORD; the first visit will show set-up.");
            return;
        }
        users.createFirstAdmin(email, name, password, ZoneId.of("UTC"));
        log.info("Created the first administrator {}", email);
    }
}
