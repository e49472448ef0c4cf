package org.kintsugi.action.tracker;

/**
 * Everything a client needs to call one tracker, the secrets included; never leaves this package.
 *
 * @param account the Jira account's email (Jira Cloud signs in with email and API token)
 * @param target GitHub {@code owner/repo}, GitLab project id or path, Jira project key
 */
record Connection(
        TrackerKind kind,
        String baseUrl,
        String account,
        String token,
        String target,
        String issueType,
        String webhookSecret) {

    @Override
    public String toString() {
        return "Connection[" + kind + " " + baseUrl + " " + target + "]";
    }
}
