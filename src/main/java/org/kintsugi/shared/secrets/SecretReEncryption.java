package org.kintsugi.shared.secrets;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Right after the migrations, before anything reads a secret: encrypt the plain text left by earlier versions and
 * re-encrypt under the primary key what an old key encrypted, in every column a {@link SecretColumns} names. A
 * secret no key given decrypts stops the start with a message naming the setting, rather than go on without it.
 */
@Component
class SecretReEncryption implements Callback {

    private static final Logger log = LoggerFactory.getLogger(SecretReEncryption.class);

    private final Secrets secrets;
    private final List<SecretColumns> tables;

    SecretReEncryption(Secrets secrets, ObjectProvider<SecretColumns> tables) {
        this.secrets = secrets;
        this.tables = tables.orderedStream().toList();
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        Connection connection = context.getConnection();
        int changed = reEncrypt(new JdbcTemplate(new SingleConnectionDataSource(connection, true)));
        try {
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not save the re-encrypted secrets", e);
        }
        if (changed > 0) {
            log.info("Encrypted {} secrets under key {}", changed, secrets.primaryKeyId());
        }
    }

    @Override
    public String getCallbackName() {
        return "kintsugi-secret-re-encryption";
    }

    /** Re-encrypt every secret not yet under the primary key; return how many changed. */
    int reEncrypt(JdbcTemplate jdbc) {
        int changed = 0;
        for (SecretColumns table : tables) {
            for (String column : table.columns()) {
                changed += reEncrypt(jdbc, table, column);
            }
        }
        return changed;
    }

    private int reEncrypt(JdbcTemplate jdbc, SecretColumns table, String column) {
        int changed = 0;
        String select = "select " + table.key() + " as k, " + column + " as v from " + table.table() + " where "
                + column + " is not null and " + column + " <> ''";
        String update = "update " + table.table() + " set " + column + " = ? where " + table.key() + " = ? and "
                + column + " = ?";
        for (Map<String, Object> row : jdbc.queryForList(select)) {
            Object key = row.get("k");
            String stored = (String) row.get("v");
            if (secrets.isCurrent(stored)) {
                continue;
            }
            String current;
            try {
                current = secrets.reEncrypt(stored);
            } catch (SecretKeyException e) {
                throw new SecretKeyException(
                        table.table() + "." + column + " of " + table.key() + " " + key + ": " + e.getMessage(), e);
            }
            // Another node starting at once may have done it already; then this changes nothing.
            changed += jdbc.update(update, current, key, stored);
        }
        return changed;
    }
}
