package org.kintsugi.action.tracker;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.InvalidInputException;

/**
 * What an administrator changes about a tracker. A value left out ({@code null}) stays as it is; a token or webhook
 * secret left empty keeps the stored one, so a form never needs to show it.
 *
 * @param account Jira only: the email of the account the API token belongs to
 * @param target GitHub {@code owner/repo}; GitLab project id or {@code group/project}; Jira project key
 * @param issueType Jira only: the issue type of new tickets, e.g. {@code Task}
 */
public record TrackerSettingsChange(
        @Nullable Boolean enabled,
        @Nullable String baseUrl,
        @Nullable String account,
        @Nullable String token,
        @Nullable String target,
        @Nullable String issueType,
        @Nullable String webhookSecret) {

    private static final Pattern GITHUB_REPO = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");
    private static final Pattern GITLAB_PROJECT = Pattern.compile("\\d+|[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)+");
    private static final Pattern JIRA_PROJECT = Pattern.compile("[A-Z][A-Z0-9_]{0,19}");

    /** The change merged with the current settings and checked; token and secret empty when they are kept. */
    record Checked(
            boolean enabled,
            String baseUrl,
            String account,
            String token,
            String target,
            String issueType,
            String webhookSecret) {}

    /** Merge with the current settings and check every field, naming each one that is wrong. */
    Checked checked(TrackerSettingsView current) {
        TrackerKind kind = current.tracker();
        List<FieldProblem> problems = new ArrayList<>();
        boolean on = enabled == null ? current.enabled() : enabled;
        String url = baseUrl(pick(baseUrl, current.baseUrl()), kind, on, problems);
        String who = pick(account, current.account());
        String secret = token == null ? "" : token.strip();
        String where = target(pick(target, current.target()), kind, on, problems);
        String type = pick(issueType, current.issueType());
        String hook = webhookSecret == null ? "" : webhookSecret.strip();
        if (kind == TrackerKind.JIRA) {
            if (on && who.isEmpty()) {
                problems.add(new FieldProblem("account", "is required: the email of the account the API token is for"));
            } else if (!who.isEmpty() && (!who.contains("@") || who.length() > 200)) {
                problems.add(new FieldProblem("account", "must be an email address, e.g. ops@example.com"));
            }
            if (type.isEmpty()) {
                type = "Task";
            } else if (type.length() > 100) {
                problems.add(new FieldProblem("issueType", "must be at most 100 characters"));
            }
        } else {
            who = "";
            type = "";
        }
        if (on && secret.isEmpty() && !current.tokenSet()) {
            problems.add(new FieldProblem("token", "is required to switch " + kind.label() + " on"));
        } else if (secret.length() > 1000) {
            problems.add(new FieldProblem("token", "must be at most 1,000 characters"));
        }
        if (hook.length() > 500) {
            problems.add(new FieldProblem("webhookSecret", "must be at most 500 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Checked(on, url, who, secret, where, type, hook);
    }

    private static String baseUrl(String url, TrackerKind kind, boolean on, List<FieldProblem> problems) {
        String trimmed = url.replaceAll("/+$", "");
        if (trimmed.isEmpty()) {
            if (on) {
                problems.add(new FieldProblem("baseUrl", "is required, e.g. " + kind.defaultBaseUrl()));
            }
            return trimmed;
        }
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                problems.add(
                        new FieldProblem("baseUrl", "must be an http or https address, e.g. " + kind.defaultBaseUrl()));
            } else if (uri.getQuery() != null || uri.getFragment() != null) {
                problems.add(new FieldProblem("baseUrl", "must not have a query or fragment"));
            } else if (trimmed.length() > 500) {
                problems.add(new FieldProblem("baseUrl", "must be at most 500 characters"));
            } else if (on && kind == TrackerKind.JIRA && trimmed.equals(kind.defaultBaseUrl())) {
                problems.add(new FieldProblem("baseUrl", "is the example address: put your own site here"));
            }
        } catch (URISyntaxException e) {
            problems.add(
                    new FieldProblem("baseUrl", "'" + trimmed + "' is not an address, e.g. " + kind.defaultBaseUrl()));
        }
        return trimmed;
    }

    private static String target(String target, TrackerKind kind, boolean on, List<FieldProblem> problems) {
        if (target.isEmpty()) {
            if (on) {
                problems.add(new FieldProblem("target", "is required: " + expected(kind)));
            }
            return target;
        }
        Pattern pattern = switch (kind) {
            case GITHUB -> GITHUB_REPO;
            case GITLAB -> GITLAB_PROJECT;
            case JIRA -> JIRA_PROJECT;
        };
        String value = kind == TrackerKind.JIRA ? target.toUpperCase(Locale.ROOT) : target;
        if (!pattern.matcher(value).matches() || value.length() > 300) {
            problems.add(new FieldProblem("target", "'" + target + "' is not " + expected(kind)));
        }
        return value;
    }

    private static String expected(TrackerKind kind) {
        return switch (kind) {
            case GITHUB -> "a repository as owner/repo, e.g. acme/ops";
            case GITLAB -> "a project id like 42 or a path like group/project";
            case JIRA -> "a project key like OPS";
        };
    }

    private static String pick(@Nullable String given, String current) {
        return given == null ? current : given.strip();
    }
}
