package org.kintsugi.analysis.coach;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.PatternSyntaxException;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Manage the coach's rules: list them with their on/off state, switch one off or on, and add house rules. Built-in
 * rules come with Kintsugi, file rules from the installation's rules file, custom rules from administrators; the
 * compiled rule set is rebuilt after every change.
 */
@Service
public class LanguageRules {

    private final JdbcClient jdbc;
    private final LanguageCoach coach;
    private final Clock clock;
    private final RulesFile file;
    private volatile String builtFrom = "";

    LanguageRules(
            JdbcClient jdbc,
            LanguageCoach coach,
            Clock clock,
            @Value("${kintsugi.language.rules-file:${kintsugi.data-dir:./data}/language-rules.yml}") String rulesFile) {
        this.jdbc = jdbc;
        this.coach = coach;
        this.clock = clock;
        this.file = RulesFile.read(Path.of(rulesFile));
        rebuild();
    }

    /** List every rule, built-in first, with whether it is on. */
    public List<RuleView> list() {
        Map<String, Boolean> switches = switches();
        List<RuleView> views = new ArrayList<>();
        for (BuiltInRule rule : BuiltInRules.ALL) {
            views.add(new RuleView(
                    rule.id(),
                    rule.category(),
                    rule.description(),
                    enabled(rule.id(), switches),
                    "built-in",
                    null,
                    null,
                    null));
        }
        file.rules().forEach(rule -> views.add(view(rule, "file", switches)));
        custom().forEach(rule -> views.add(view(rule, "custom", switches)));
        return views;
    }

    /** Switch the rule with the given id on or off. */
    @Transactional
    public RuleView switchRule(String id, boolean enabled) {
        if (list().stream().noneMatch(rule -> rule.id().equals(id))) {
            throw new NotFoundException("There is no language rule " + id + ".");
        }
        int updated = jdbc.sql("update language_rule_switches set enabled = ?, changed_at = ? where rule_id = ?")
                .params(enabled, clock.instant().atOffset(java.time.ZoneOffset.UTC), id)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into language_rule_switches (rule_id, enabled, changed_at) values (?, ?, ?)")
                    .params(id, enabled, clock.instant().atOffset(java.time.ZoneOffset.UTC))
                    .update();
        }
        rebuild();
        return find(id);
    }

    /** Add a house rule, switched on; its id is made from the pattern. */
    @Transactional
    public RuleView add(NewRule rule) {
        CustomRule valid = validated(rule);
        jdbc.sql("insert into language_custom_rules (rule_id, pattern, is_regex, category, explanation, suggestion,"
                        + " created_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        valid.id(),
                        valid.pattern(),
                        valid.regex(),
                        valid.category().name(),
                        valid.explanation(),
                        valid.suggestion(),
                        clock.instant().atOffset(java.time.ZoneOffset.UTC))
                .update();
        rebuild();
        return find(valid.id());
    }

    private CustomRule validated(NewRule rule) {
        List<FieldProblem> problems = new ArrayList<>();
        String pattern = rule.pattern() == null ? "" : rule.pattern().strip();
        if (pattern.isEmpty() || pattern.length() > 500) {
            problems.add(new FieldProblem("pattern", "must be a phrase or pattern of 1 to 500 characters"));
        } else if (Boolean.TRUE.equals(rule.regex())) {
            try {
                java.util.regex.Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                problems.add(new FieldProblem("pattern", "is not a valid regular expression: " + e.getDescription()));
            }
        }
        Category category = null;
        try {
            category = Category.valueOf(String.valueOf(rule.category()).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("category", "must be one of " + List.of(Category.values())));
        }
        String explanation = text(rule.explanation(), "explanation", problems);
        String suggestion = text(rule.suggestion(), "suggestion", problems);
        if (!problems.isEmpty() || category == null) {
            throw new InvalidInputException(problems);
        }
        return new CustomRule(
                newId(pattern), pattern, Boolean.TRUE.equals(rule.regex()), category, explanation, suggestion);
    }

    private static String text(
            @org.jspecify.annotations.Nullable String value, String field, List<FieldProblem> problems) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty() || text.length() > 1000) {
            problems.add(new FieldProblem(field, "must be given, up to 1000 characters"));
        }
        return text;
    }

    private String newId(String pattern) {
        String slug =
                pattern.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        String base = "custom-" + (slug.isEmpty() ? "rule" : slug.substring(0, Math.min(slug.length(), 40)));
        List<String> taken = list().stream().map(RuleView::id).toList();
        String id = base;
        for (int n = 2; taken.contains(id); n++) id = base + "-" + n;
        return id;
    }

    private RuleView find(String id) {
        return list().stream().filter(rule -> rule.id().equals(id)).findFirst().orElseThrow();
    }

    /**
     * Pick up rule changes made on another node: every {@code kintsugi.language.refresh} (30 s by default) each node
     * compares a fingerprint of the rule tables with the one its rule set was built from, and rebuilds when it moved.
     */
    @Scheduled(
            fixedDelayString = "${kintsugi.language.refresh:PT30S}",
            initialDelayString = "${kintsugi.language.refresh:PT30S}")
    public void refresh() {
        if (!fingerprint().equals(builtFrom)) {
            rebuild();
        }
    }

    private String fingerprint() {
        return jdbc.sql("select count(*), max(changed_at), sum(case when enabled then 1 else 0 end)"
                                + " from language_rule_switches")
                        .query((rs, n) -> rs.getLong(1) + "/" + rs.getObject(2) + "/" + rs.getLong(3))
                        .single()
                + "|"
                + jdbc.sql("select count(*), max(created_at) from language_custom_rules")
                        .query((rs, n) -> rs.getLong(1) + "/" + rs.getObject(2))
                        .single();
    }

    private synchronized void rebuild() {
        builtFrom = fingerprint();
        Map<String, Boolean> switches = switches();
        List<BuiltInRule> builtIn = BuiltInRules.ALL.stream()
                .filter(rule -> enabled(rule.id(), switches))
                .toList();
        List<CustomRule> custom = new ArrayList<>(file.rules());
        custom.addAll(custom());
        custom.removeIf(rule -> !enabled(rule.id(), switches));
        coach.use(new RuleSet(builtIn, custom));
    }

    private boolean enabled(String id, Map<String, Boolean> switches) {
        return switches.getOrDefault(id, !file.disabled().contains(id));
    }

    private RuleView view(CustomRule rule, String source, Map<String, Boolean> switches) {
        String description = (rule.regex() ? "Pattern " : "Phrase ") + "\"" + rule.pattern() + "\"";
        return new RuleView(
                rule.id(),
                rule.category(),
                description,
                enabled(rule.id(), switches),
                source,
                rule.pattern(),
                rule.explanation(),
                rule.suggestion());
    }

    private Map<String, Boolean> switches() {
        Map<String, Boolean> switches = new HashMap<>();
        jdbc.sql("select rule_id, enabled from language_rule_switches")
                .query((rs, n) -> switches.put(rs.getString(1), rs.getBoolean(2)))
                .list();
        return switches;
    }

    private List<CustomRule> custom() {
        return jdbc.sql(
                        "select rule_id, pattern, is_regex, category, explanation, suggestion from language_custom_rules"
                                + " order by created_at, rule_id")
                .query((rs, n) -> new CustomRule(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getBoolean(3),
                        Category.valueOf(rs.getString(4)),
                        rs.getString(5),
                        rs.getString(6)))
                .list();
    }
}
