package org.kintsugi.shared.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Name a table's columns that hold secrets, as a bean of the module that owns the table: at every start Kintsugi
 * encrypts what is still plain text in them (values of earlier versions) and re-encrypts what an old key encrypted.
 *
 * @param table the table
 * @param key the table's primary key column, one column
 * @param columns the columns that hold secrets, as {@code varchar}
 */
public record SecretColumns(String table, String key, List<String> columns) {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    public SecretColumns {
        columns = List.copyOf(columns);
        List<String> names = new ArrayList<>(columns);
        names.add(table);
        names.add(key);
        for (String name : names) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("Not a plain lower-case SQL name: " + name);
            }
        }
    }

    public SecretColumns(String table, String key, String... columns) {
        this(table, key, List.of(columns));
    }
}
