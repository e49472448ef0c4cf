package org.kintsugi.action.tracker;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.kintsugi.action.ActionDetails;
import org.kintsugi.action.ActionManagement;
import org.kintsugi.action.ActionType;
import org.kintsugi.action.HistoryEntry;
import org.kintsugi.action.Priority;
import org.kintsugi.identity.Role;
import org.kintsugi.identity.UserView;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.postmortem.Author;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.support.MovableClock;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * What the tracker tests share: three fake trackers set up as this installation's trackers, a postmortem owned by
 * {@link #owner}, items owned by {@link #member}, and calls to the API as a person would make them.
 */
abstract class TrackerTestSupport {

    static final String GITHUB_TOKEN = "ghp_test-token";
    static final String GITLAB_TOKEN = "glpat-test-token";
    static final String JIRA_TOKEN = "jira-api-token";
    static final String JIRA_EMAIL = "ops@example.com";
    static final String GITHUB_SECRET = "github-hook-secret";
    static final String GITLAB_SECRET = "gitlab-hook-secret";
    static final String JIRA_SECRET = "jira-hook-secret";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestPeople people;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    PostmortemManagement postmortems;

    @Autowired
    ActionManagement actions;

    @Autowired
    TrackerConfiguration configuration;

    @Autowired
    TrackerJobs jobs;

    @Autowired
    MovableClock clock;

    @Autowired
    TrackerLinks links;

    FakeGitHub github;
    FakeGitLab gitlab;
    FakeJira jira;
    UserView owner;
    UserView member;
    UserView admin;
    long postmortemId;

    @BeforeEach
    void trackersAndAPostmortem() {
        // Each test follows only its own tickets: the fakes number them from 1 again.
        links.deleteAll();
        github = new FakeGitHub(GITHUB_TOKEN, "acme/ops");
        gitlab = new FakeGitLab(GITLAB_TOKEN, "acme/ops", 42);
        jira = new FakeJira(JIRA_EMAIL, JIRA_TOKEN, "OPS");
        owner = people.member();
        member = people.member();
        admin = people.add(Role.ADMIN);
        Author by = new Author(admin.id(), admin.displayName());
        configuration.change(
                TrackerKind.GITHUB,
                new TrackerSettingsChange(true, github.url(), null, GITHUB_TOKEN, "acme/ops", null, GITHUB_SECRET),
                by);
        configuration.change(
                TrackerKind.GITLAB,
                new TrackerSettingsChange(true, gitlab.url(), null, GITLAB_TOKEN, "acme/ops", null, GITLAB_SECRET),
                by);
        configuration.change(
                TrackerKind.JIRA,
                new TrackerSettingsChange(true, jira.url(), JIRA_EMAIL, JIRA_TOKEN, "OPS", "Task", JIRA_SECRET),
                by);
        postmortemId = org.kintsugi.action.ActionFixtures.postmortem(
                incidents, postmortems, owner, "Config push broke checkout", "Payments", clock.instant());
    }

    @AfterEach
    void stopTrackers() {
        github.close();
        gitlab.close();
        jira.close();
    }

    /** Propose an item owned by {@link #member}; it stays proposed. */
    long proposed(String title) {
        LocalDate due = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(14);
        var details = new ActionDetails(
                title,
                "Pushes went to every region at once.\n\nStage them.",
                due,
                Priority.P2,
                ActionType.PREVENT,
                "No push reaches two regions at once");
        return actions.propose(postmortemId, null, details, member.id(), null, author(member))
                .id();
    }

    /** An item in progress: proposed, committed early by the postmortem's owner, started. */
    long inProgress(String title) {
        long id = proposed(title);
        actions.commit(id, author(owner), "It happens again on Monday.");
        actions.start(id, author(member));
        return id;
    }

    MvcTestResult call(HttpMethod method, String uri, UserView as, @Nullable String json) {
        var request = mvc.method(method).uri(uri).with(httpBasic(as.email(), TestPeople.PASSWORD));
        if (json != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return request.exchange();
    }

    MvcTestResult send(long id, String tracker) {
        return call(
                HttpMethod.POST, "/api/v1/actions/" + id + "/tracker", member, "{\"tracker\": \"" + tracker + "\"}");
    }

    MvcTestResult link(long id) {
        return call(HttpMethod.GET, "/api/v1/actions/" + id + "/tracker", member, null);
    }

    List<String> history(long id) {
        return actions.history(id).stream()
                .map(h -> h.what() + " by " + h.actor())
                .toList();
    }

    List<HistoryEntry> entries(long id) {
        return actions.history(id);
    }

    static Author author(UserView user) {
        return new Author(user.id(), user.displayName());
    }
}
