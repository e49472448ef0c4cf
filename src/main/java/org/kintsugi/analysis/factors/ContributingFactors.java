package org.kintsugi.analysis.factors;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kintsugi.analysis.AnalysisChanged;
import org.kintsugi.incident.IncidentKind;
import org.kintsugi.incident.Severity;
import org.kintsugi.postmortem.Author;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.postmortem.PostmortemStatus;
import org.kintsugi.postmortem.PostmortemView;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.LimitExceededException;
import org.kintsugi.shared.Limits;
import org.kintsugi.shared.NotFoundException;
import org.kintsugi.shared.RefusedException;
import org.kintsugi.shared.StaleVersionException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Name the conditions that together made an incident possible: mark why-answers as contributing factors, or write
 * factors directly, each in a category; and find them again across postmortems.
 */
@Service
@Transactional
public class ContributingFactors {

    static final int MAX_TEXT = 2000;

    private static final String SELECT = """
            select f.id, f.postmortem_id, f.node_id, coalesce(n.answer, f.statement) as statement, f.note,
                   f.created_by, f.created_at, f.updated_at, f.version,
                   c.id as category_id, c.name as category_name, c.retired,
                   i.incident_key, i.title, i.kind, i.severity, i.teams, i.started_at
            from contributing_factors f
            join factor_categories c on c.id = f.category_id
            join factor_incidents i on i.incident_id = f.incident_id
            left join why_nodes n on n.id = f.node_id
            """;

    private final JdbcClient jdbc;
    private final FactorCategories categories;
    private final FactorIncidents incidents;
    private final PostmortemManagement postmortems;
    private final Clock clock;
    private final Limits limits;
    private final ApplicationEventPublisher events;

    ContributingFactors(
            JdbcClient jdbc,
            FactorCategories categories,
            FactorIncidents incidents,
            PostmortemManagement postmortems,
            Clock clock,
            Limits limits,
            ApplicationEventPublisher events) {
        this.limits = limits;
        this.events = events;
        this.jdbc = jdbc;
        this.categories = categories;
        this.incidents = incidents;
        this.postmortems = postmortems;
        this.clock = clock;
    }

    /** Return a postmortem's factors, grouped by category in the taxonomy's order, oldest first within each. */
    @Transactional(readOnly = true)
    public List<FactorView> forPostmortem(long postmortemId) {
        postmortems.find(postmortemId);
        return jdbc.sql(SELECT + " where f.postmortem_id = ? order by c.position, c.id, f.id")
                .param(postmortemId)
                .query(ContributingFactors::view)
                .list();
    }

    /** Return one factor of a postmortem. */
    @Transactional(readOnly = true)
    public FactorView find(long postmortemId, long factorId) {
        return jdbc.sql(SELECT + " where f.id = ? and f.postmortem_id = ?")
                .params(factorId, postmortemId)
                .query(ContributingFactors::view)
                .optional()
                .orElseThrow(() -> new NotFoundException(
                        "Postmortem " + postmortemId + " has no contributing factor " + factorId + "."));
    }

    /** Add a factor written directly, not marked on a why-answer. */
    public FactorView add(long postmortemId, FactorInput input, Author actor) {
        PostmortemView postmortem = editable(postmortemId);
        List<FieldProblem> problems = new ArrayList<>();
        String statement = statement(input.statement(), problems);
        CategoryView category = category(input.categoryId(), null, problems);
        String note = note(input.note(), problems);
        check(problems);
        long written = jdbc.sql("select count(*) from contributing_factors where postmortem_id = ? and node_id is null")
                .param(postmortemId)
                .query(Long.class)
                .single();
        if (written >= limits.factors()) {
            throw new LimitExceededException(
                    LimitExceededException.Kind.FULL,
                    "statement",
                    "factors",
                    limits.factors(),
                    "The postmortem has " + LimitExceededException.count(written)
                            + " contributing factors written directly; one more is more than one postmortem may have");
        }
        return find(postmortemId, insert(postmortem, null, statement, category.id(), note, actor));
    }

    /**
     * Mark a why-answer as a contributing factor in a category, or change the category of one already marked. Its
     * statement is the answer, and follows it when the answer changes.
     */
    public FactorView markAnswer(long postmortemId, long nodeId, FactorInput input, Author actor) {
        PostmortemView postmortem = editable(postmortemId);
        boolean answer = jdbc.sql("select count(*) from why_nodes where id = ? and postmortem_id = ?")
                        .params(nodeId, postmortemId)
                        .query(Integer.class)
                        .single()
                > 0;
        if (!answer) {
            throw new NotFoundException(
                    "The five whys of postmortem " + postmortemId + " have no answer " + nodeId + ".");
        }
        Long existing = jdbc.sql("select id from contributing_factors where node_id = ?")
                .param(nodeId)
                .query(Long.class)
                .optional()
                .orElse(null);
        List<FieldProblem> problems = new ArrayList<>();
        Long keep = existing == null
                ? null
                : find(postmortemId, existing).category().id();
        CategoryView category = category(input.categoryId(), keep, problems);
        String note = note(input.note(), problems);
        check(problems);
        if (existing != null) {
            jdbc.sql("update contributing_factors set category_id = ?, note = ?, updated_at = ?, version = version + 1"
                            + " where id = ?")
                    .params(category.id(), note, clock.instant().atOffset(ZoneOffset.UTC), existing)
                    .update();
            return find(postmortemId, existing);
        }
        return find(postmortemId, insert(postmortem, nodeId, "", category.id(), note, actor));
    }

    /** Take the contributing-factor mark off a why-answer; the answer stays. */
    public void unmarkAnswer(long postmortemId, long nodeId) {
        editable(postmortemId);
        int removed = jdbc.sql("delete from contributing_factors where node_id = ? and postmortem_id = ?")
                .params(nodeId, postmortemId)
                .update();
        if (removed == 0) {
            throw new NotFoundException("Answer " + nodeId + " is not marked as a contributing factor.");
        }
    }

    /**
     * Change a factor, refusing when someone else changed it since {@code expectedVersion}. A factor marked on a
     * why-answer takes its statement from the answer, so only its category and note change here.
     */
    public FactorView revise(long postmortemId, long factorId, long expectedVersion, FactorInput input, Author actor) {
        editable(postmortemId);
        FactorView current = find(postmortemId, factorId);
        if (current.version() != expectedVersion) {
            throw new StaleVersionException("The contributing factor", expectedVersion, current.version());
        }
        List<FieldProblem> problems = new ArrayList<>();
        String statement = "";
        if (current.fromWhys()) {
            if (input.statement() != null && !input.statement().strip().equals(current.statement())) {
                problems.add(new FieldProblem(
                        "statement", "comes from the why-answer it was marked on: change the answer in the five whys"));
            }
        } else {
            statement = input.statement() == null ? current.statement() : statement(input.statement(), problems);
        }
        Long categoryId = input.categoryId() == null ? current.category().id() : input.categoryId();
        CategoryView category = category(categoryId, current.category().id(), problems);
        String note = input.note() == null ? current.note() : note(input.note(), problems);
        check(problems);
        jdbc.sql("update contributing_factors set statement = ?, category_id = ?, note = ?, updated_at = ?,"
                        + " version = version + 1 where id = ? and version = ?")
                .params(
                        statement,
                        category.id(),
                        note,
                        clock.instant().atOffset(ZoneOffset.UTC),
                        factorId,
                        expectedVersion)
                .update();
        return find(postmortemId, factorId);
    }

    /** Remove a factor; for one marked on a why-answer, the answer stays and loses the mark. */
    public void remove(long postmortemId, long factorId) {
        editable(postmortemId);
        find(postmortemId, factorId);
        jdbc.sql("delete from contributing_factors where id = ?")
                .param(factorId)
                .update();
    }

    /** Find factors across postmortems, with the count of each category among them. */
    @Transactional(readOnly = true)
    public FactorSearch search(FactorFilter filter) {
        return search(filter, 0, Integer.MAX_VALUE);
    }

    /**
     * Find a page of factors across postmortems, the most recent incidents first, with the count of each category
     * among all that match: the counts are grouped in the database, and only the page's rows are read.
     */
    @Transactional(readOnly = true)
    public FactorSearch search(FactorFilter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.team() != null && !filter.team().isBlank()) {
            where.append(" and lower(i.teams) like :team");
            params.put(
                    "team",
                    "%|"
                            + filter.team()
                                    .strip()
                                    .toLowerCase(Locale.ROOT)
                                    .replace("%", "")
                                    .replace("_", "") + "|%");
        }
        if (filter.kind() != null) {
            where.append(" and i.kind = :kind");
            params.put("kind", filter.kind().name());
        }
        if (filter.severity() != null) {
            where.append(" and i.severity = :severity");
            params.put("severity", filter.severity().name());
        }
        if (filter.from() != null) {
            where.append(" and i.started_at >= :from");
            params.put("from", filter.from().atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            where.append(" and i.started_at < :to");
            params.put("to", filter.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        Map<Long, Integer> counted = new LinkedHashMap<>();
        jdbc.sql("select f.category_id, count(*) as found from contributing_factors f"
                        + " join factor_incidents i on i.incident_id = f.incident_id" + where
                        + " group by f.category_id")
                .params(params)
                .query(rs -> {
                    counted.put(rs.getLong("category_id"), rs.getInt("found"));
                });
        List<FactorSearch.Count> counts = categories.all().stream()
                .filter(c -> !c.retired() || counted.containsKey(c.id()))
                .map(c -> new FactorSearch.Count(c, counted.getOrDefault(c.id(), 0)))
                .toList();
        if (filter.categoryId() != null) {
            where.append(" and f.category_id = :category");
            params.put("category", filter.categoryId());
        }
        long total = filter.categoryId() == null
                ? counted.values().stream().mapToLong(Integer::longValue).sum()
                : counted.getOrDefault(filter.categoryId(), 0);
        long offset = Math.max(0, page) * (long) Math.max(1, size);
        String window =
                size == Integer.MAX_VALUE ? "" : " offset " + offset + " rows fetch next " + size + " rows only";
        List<FactorView> listed = total <= offset
                ? List.of()
                : jdbc.sql(SELECT + where + " order by i.started_at desc, f.postmortem_id, f.id" + window)
                        .params(params)
                        .query(ContributingFactors::view)
                        .list();
        return new FactorSearch(listed, counts, total);
    }

    private long insert(
            PostmortemView postmortem,
            @Nullable Long nodeId,
            String statement,
            long categoryId,
            String note,
            Author by) {
        incidents.keep(postmortem.incidentId());
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into contributing_factors (postmortem_id, incident_id, node_id, statement, category_id,
                            note, created_by, created_at, updated_at, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(
                        postmortem.id(),
                        postmortem.incidentId(),
                        nodeId,
                        statement,
                        categoryId,
                        note,
                        by.name(),
                        now,
                        now)
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    private CategoryView category(@Nullable Long id, @Nullable Long current, List<FieldProblem> problems) {
        if (id == null) {
            problems.add(new FieldProblem("categoryId", "is required: choose the category the factor falls in"));
            return new CategoryView(0, "", false, 0);
        }
        List<CategoryView> all = categories.all();
        CategoryView category =
                all.stream().filter(c -> c.id() == id).findFirst().orElse(null);
        if (category == null) {
            problems.add(new FieldProblem("categoryId", "is not a factor category"));
            return new CategoryView(0, "", false, 0);
        }
        if (category.retired() && !id.equals(current)) {
            problems.add(new FieldProblem(
                    "categoryId", "\"" + category.name() + "\" is retired; choose one of the current categories"));
        }
        return category;
    }

    private static String statement(@Nullable String given, List<FieldProblem> problems) {
        String statement = given == null ? "" : given.strip();
        if (statement.isEmpty()) {
            problems.add(new FieldProblem("statement", "is required: what condition contributed?"));
        } else if (statement.length() > MAX_TEXT) {
            problems.add(new FieldProblem("statement", "must be at most 2,000 characters"));
        }
        return statement;
    }

    private static String note(@Nullable String given, List<FieldProblem> problems) {
        String note = given == null ? "" : given.strip();
        if (note.length() > MAX_TEXT) {
            problems.add(new FieldProblem("note", "must be at most 2,000 characters"));
        }
        return note;
    }

    private static void check(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** Return a draft postmortem about to change; every change passes here, so it announces the change as well. */
    private PostmortemView editable(long postmortemId) {
        PostmortemView postmortem = postmortems.find(postmortemId);
        events.publishEvent(new AnalysisChanged(postmortemId));
        if (postmortem.status() != PostmortemStatus.DRAFT) {
            throw RefusedException.state("Only a draft can be changed. This postmortem is "
                    + postmortem.status().label().toLowerCase()
                    + (postmortem.status() == PostmortemStatus.PUBLISHED
                            ? "; amend it to start a new revision."
                            : "; withdraw it to draft first."));
        }
        return postmortem;
    }

    private static FactorView view(ResultSet rs, int row) throws SQLException {
        long node = rs.getLong("node_id");
        Long nodeId = rs.wasNull() ? null : node;
        String teams = rs.getString("teams");
        return new FactorView(
                rs.getLong("id"),
                rs.getLong("postmortem_id"),
                new FactorIncident(
                        rs.getString("incident_key"),
                        rs.getString("title"),
                        IncidentKind.valueOf(rs.getString("kind")),
                        Severity.valueOf(rs.getString("severity")),
                        Arrays.stream(teams.split("\\|"))
                                .filter(t -> !t.isBlank())
                                .toList(),
                        rs.getTimestamp("started_at").toInstant()),
                rs.getString("statement"),
                new CategoryView(rs.getLong("category_id"), rs.getString("category_name"), rs.getBoolean("retired"), 0),
                rs.getString("note"),
                nodeId,
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getLong("version"));
    }
}
