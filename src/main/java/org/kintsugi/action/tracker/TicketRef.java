package org.kintsugi.action.tracker;

/**
 * Where a ticket is in its tracker.
 *
 * @param project GitHub {@code owner/repo} in lower case, GitLab numeric project id, Jira project key
 * @param id GitHub issue number, GitLab issue iid, Jira issue key
 * @param key the key people read, e.g. {@code acme/ops#12}
 */
record TicketRef(String project, String id, String key) {}
