package org.kintsugi.analysis.factors;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kintsugi.analysis.AnalysisChanged;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keep the taxonomy of contributing factors: administrators add, rename and retire categories. A retired category
 * stays on the factors already in it and in the filters, and is no longer offered for new ones.
 */
@Service
@Transactional
public class FactorCategories {

    static final int MAX_NAME = 80;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    FactorCategories(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /** Return every category in its order, retired ones included, with how many factors each holds. */
    @Transactional(readOnly = true)
    public List<CategoryView> all() {
        return jdbc.sql("""
                        select c.id, c.name, c.retired, (select count(*) from contributing_factors f
                                                         where f.category_id = c.id) as factors
                        from factor_categories c order by c.position, c.id""")
                .query((rs, n) -> new CategoryView(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getLong(4)))
                .list();
    }

    /** Return the categories new factors may choose. */
    @Transactional(readOnly = true)
    public List<CategoryView> active() {
        return all().stream().filter(c -> !c.retired()).toList();
    }

    /** Return one category. */
    @Transactional(readOnly = true)
    public CategoryView find(long id) {
        return all().stream()
                .filter(c -> c.id() == id)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("There is no factor category " + id + "."));
    }

    /** Return the category with this id or name (ignoring case), if there is one. */
    @Transactional(readOnly = true)
    public Optional<CategoryView> named(String idOrName) {
        String wanted = idOrName.strip();
        return all().stream()
                .filter(c -> String.valueOf(c.id()).equals(wanted) || c.name().equalsIgnoreCase(wanted))
                .findFirst();
    }

    /** Add a category at the end of the list. */
    public CategoryView add(@Nullable String name) {
        String checked = checked(name, null);
        int position = jdbc.sql("select coalesce(max(position), 0) + 1 from factor_categories")
                .query(Integer.class)
                .single();
        jdbc.sql("insert into factor_categories (name, name_key, position, retired, created_at) values (?, ?, ?,"
                        + " false, ?)")
                .params(checked, key(checked), position, clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        return named(checked).orElseThrow();
    }

    /**
     * Rename a category; its factors move with it, and every postmortem holding one of them is announced as changed
     * (its analysis now reads the new name, in search too).
     */
    public CategoryView rename(long id, @Nullable String name) {
        CategoryView before = find(id);
        String checked = checked(name, id);
        jdbc.sql("update factor_categories set name = ?, name_key = ? where id = ?")
                .params(checked, key(checked), id)
                .update();
        if (!before.name().equals(checked)) {
            jdbc.sql("select distinct postmortem_id from contributing_factors where category_id = ?")
                    .param(id)
                    .query(Long.class)
                    .list()
                    .forEach(postmortemId -> events.publishEvent(new AnalysisChanged(postmortemId)));
        }
        return find(id);
    }

    /** Retire a category, or bring a retired one back. */
    public CategoryView retire(long id, boolean retired) {
        find(id);
        jdbc.sql("update factor_categories set retired = ? where id = ?")
                .params(retired, id)
                .update();
        return find(id);
    }

    private String checked(@Nullable String name, @Nullable Long self) {
        String stripped = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (stripped.isEmpty() || stripped.length() > MAX_NAME) {
            throw new InvalidInputException("name", "must be 1 to " + MAX_NAME + " characters");
        }
        all().stream()
                .filter(c -> c.name().equalsIgnoreCase(stripped) && (self == null || c.id() != self))
                .findFirst()
                .ifPresent(c -> {
                    throw new InvalidInputException(
                            "name",
                            "is taken by " + (c.retired() ? "the retired category " : "") + "\"" + c.name() + "\"");
                });
        return stripped;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
