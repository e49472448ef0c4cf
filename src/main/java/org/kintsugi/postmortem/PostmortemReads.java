package org.kintsugi.postmortem;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kintsugi.incident.IncidentKind;
import org.kintsugi.incident.Severity;
import org.kintsugi.postmortem.policy.DuePolicyView;
import org.kintsugi.postmortem.policy.DueRule;
import org.kintsugi.postmortem.policy.ReviewPolicyChanged;
import org.kintsugi.postmortem.template.TemplateChoice;
import org.kintsugi.postmortem.template.TemplateRuleView;
import org.kintsugi.postmortem.template.TemplatesChanged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Read what an incident's page shows of its postmortem with plain SQL. Every view of an incident asks this, so it
 * costs a few indexed queries rather than loading entities.
 */
@Component
class PostmortemReads {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final org.kintsugi.shared.Remembered<java.util.SortedSet<String>> teams;

    PostmortemReads(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.teams = new org.kintsugi.shared.Remembered<>(this::readTeams, java.time.Duration.ofSeconds(30));
    }

    Map<Long, String> incidentKeys(java.util.Collection<Long> postmortemIds) {
        Map<Long, String> keys = new java.util.HashMap<>();
        if (!postmortemIds.isEmpty()) {
            jdbc.sql("select id, incident_key from postmortems where id in (:ids)")
                    .param("ids", postmortemIds)
                    .query((rs, n) -> keys.put(rs.getLong("id"), rs.getString("incident_key")))
                    .list();
        }
        return keys;
    }

    Map<Long, Long> ownerIds(java.util.Collection<Long> postmortemIds) {
        Map<Long, Long> owners = new java.util.HashMap<>();
        if (!postmortemIds.isEmpty()) {
            jdbc.sql("select id, owner_id from postmortems where id in (:ids)")
                    .param("ids", postmortemIds)
                    .query((rs, n) -> owners.put(rs.getLong("id"), rs.getLong("owner_id")))
                    .list();
        }
        return owners;
    }

    java.util.List<Long> idsWithTeam(String team) {
        String like = "%|"
                + team.strip()
                        .toLowerCase(java.util.Locale.ROOT)
                        .replace("%", "")
                        .replace("_", "") + "|%";
        return jdbc.sql("select id from postmortems where lower(teams) like :like")
                .param("like", like)
                .query(Long.class)
                .list();
    }

    /** Return the teams named on postmortems, read again at most every 30 seconds: three list pages offer them. */
    java.util.SortedSet<String> teams() {
        return teams.get();
    }

    /** Read the teams again on next use: a postmortem on this node was started or changed its teams. */
    void forgetTeams() {
        teams.forget();
    }

    private java.util.SortedSet<String> readTeams() {
        java.util.SortedSet<String> names = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        jdbc.sql("select distinct teams from postmortems where teams <> ''")
                .query(String.class)
                .list()
                .forEach(joined -> java.util.Arrays.stream(joined.split("\\|"))
                        .filter(name -> !name.isBlank())
                        .forEach(names::add));
        return java.util.Collections.unmodifiableSortedSet(names);
    }

    Optional<PostmortemSummary> summary(long incidentId) {
        return jdbc.sql("""
                        select id, status, template_name, owner_name, revision, due_at, published_at
                        from postmortems where incident_id = :id""")
                .param("id", incidentId)
                .query((rs, n) -> new PostmortemSummary(
                        rs.getLong("id"),
                        PostmortemStatus.valueOf(rs.getString("status")),
                        rs.getString("template_name"),
                        rs.getString("owner_name"),
                        rs.getInt("revision"),
                        instant(rs.getTimestamp("due_at")),
                        instant(rs.getTimestamp("published_at"))))
                .optional();
    }

    /**
     * Return what starting a postmortem would mean. The policy, templates and rules behind it change seldom and are read
     * on every incident page, so they are kept for a few seconds; a change made on this node drops them at once (its
     * {@code TemplatesChanged} or {@code ReviewPolicyChanged}), and one made on another node shows within {@link #KEEP}.
     */
    PostmortemManagement.StartOptions startOptions(IncidentKind kind, Severity severity) {
        Catalogue catalogue = catalogue();
        DuePolicyView rule =
                catalogue.policies().getOrDefault(severity, new DuePolicyView(severity, DueRule.NOT_REQUIRED, 0));
        List<TemplateChoice> templates = catalogue.templates();
        long chosen = catalogue.rules().stream()
                .filter(r ->
                        (r.kind() == null || r.kind() == kind) && (r.severity() == null || r.severity() == severity))
                .map(TemplateRuleView::templateId)
                .filter(id -> templates.stream().anyMatch(t -> t.id() == id))
                .findFirst()
                .orElse(templates.isEmpty() ? 0 : templates.getFirst().id());
        return new PostmortemManagement.StartOptions(rule, catalogue.zone(), templates, chosen);
    }

    @EventListener
    void on(TemplatesChanged changed) {
        forget();
    }

    @EventListener
    void on(ReviewPolicyChanged changed) {
        forget();
    }

    /** Forget what is kept, now and again once the current transaction commits. */
    private void forget() {
        catalogue = null;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    catalogue = null;
                }
            });
        }
    }

    static final Duration KEEP = Duration.ofSeconds(10);

    private volatile @Nullable Catalogue catalogue;

    /** The due-date policy, working zone, active templates and template rules as read at one moment. */
    private record Catalogue(
            Instant readAt,
            Map<Severity, DuePolicyView> policies,
            ZoneId zone,
            List<TemplateChoice> templates,
            List<TemplateRuleView> rules) {}

    private Catalogue catalogue() {
        Catalogue kept = catalogue;
        Instant now = clock.instant();
        if (kept != null && now.isBefore(kept.readAt().plus(KEEP))) {
            return kept;
        }
        Map<Severity, DuePolicyView> policies = new EnumMap<>(Severity.class);
        jdbc.sql("select severity, rule, amount from postmortem_due_policies")
                .query((rs, n) -> new DuePolicyView(
                        Severity.valueOf(rs.getString("severity")),
                        DueRule.valueOf(rs.getString("rule")),
                        rs.getInt("amount")))
                .list()
                .forEach(p -> policies.put(p.severity(), p));
        String zone = jdbc.sql("select working_zone from postmortem_settings where id = 1")
                .query(String.class)
                .single();
        List<TemplateChoice> templates = jdbc.sql(
                        "select id, name from postmortem_templates where retired = false order by position, id")
                .query((rs, n) -> new TemplateChoice(rs.getLong("id"), rs.getString("name")))
                .list();
        List<TemplateRuleView> rules = jdbc.sql(
                        "select kind, severity, template_id from postmortem_template_rules order by position")
                .query((rs, n) -> new TemplateRuleView(
                        rs.getString("kind") == null ? null : IncidentKind.valueOf(rs.getString("kind")),
                        rs.getString("severity") == null ? null : Severity.valueOf(rs.getString("severity")),
                        rs.getLong("template_id")))
                .list();
        Catalogue read = new Catalogue(now, policies, ZoneId.of(zone), templates, rules);
        catalogue = read;
        return read;
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
