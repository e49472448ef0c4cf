package org.kintsugi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.kintsugi.debrief.room.RoomCards;
import org.kintsugi.debrief.room.RoomManagement;
import org.kintsugi.debrief.room.RoomNotes;
import org.kintsugi.debrief.room.RoomReader;
import org.kintsugi.debrief.room.RoomView;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.identity.UserView;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.postmortem.PostmortemView;
import org.kintsugi.support.AuthorizationWorld;
import org.kintsugi.support.AuthorizationWorld.Cast;
import org.kintsugi.support.KintsugiAppTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every operation of the API, as {@code /v3/api-docs} lists it, called by six people, each getting what the table
 * says: let past authorization ({@code ok}: a success, or 400/409/412/422 for a body or state the call does not fit),
 * or refused with exactly 401, 403, or 404 for things they must not even see. An operation missing from the table
 * fails with its name, so a new endpoint cannot ship without a rule.
 *
 * <p>The columns: anonymous, a viewer, a co-author of the postmortem (who also writes the draft account on it), its
 * owner (who also holds the API token), another member, and an administrator. Each call that is not a read gets a
 * world of its own — incident, postmortem, action item, account, why-answer… made on demand — so no row changes what
 * another row sees. Administrators change settings here, so the context is not reused after this class: the rows
 * empty the rules that pick the default template, change the vote limits, switch the GitHub tracker on at an address
 * where nothing listens (tickets wait to be retried) and off again, add chat channels for every publication at such an
 * address, subscribe the first administrator to every publication, add factor categories and start a search rebuild
 * and archive imports that run on in the background. It also leaves hundreds of incidents, postmortems (published
 * ones among them) and action items about an expired certificate, with the people who wrote them, which the
 * application has no call to delete and which would crowd the search and similar-incident results of the classes
 * after it. Closing the context (and its database of its own) undoes all of that.
 */
@KintsugiAppTest
@DirtiesContext
class AuthorizationTableTests {

    static final List<String> CALLERS = List.of("anonymous", "viewer", "co-author", "owner", "other member", "admin");

    static final String EVERYONE_SIGNED_IN = "401 ok  ok  ok  ok  ok";
    static final String MEMBERS = "401 403 ok  ok  ok  ok";
    static final String ADMINS = "401 403 403 403 403 ok";
    static final String OWNER_OR_ADMIN = "401 403 403 ok  403 ok";
    static final String AUTHORS = "401 403 ok  ok  403 403";
    static final String OWNER_OR_ADMIN_ELSE_NOTHING = "401 404 404 ok  404 ok";
    static final String NOT_AUTHORS = "401 403 403 403 ok  ok";
    static final String ACCOUNT_READ = "401 404 ok  404 404 404";
    static final String ACCOUNT_WRITE = "401 403 ok  404 404 404";
    static final String SHARED_WRITE = "401 403 ok  403 403 403";
    static final Consumer<AuthorizationWorld> SHARED = AuthorizationWorld::shareAccount;

    static final String PM = "/api/v1/postmortems/{id}";
    static final String ACCOUNT = PM + "/accounts/{accountId}";
    static final String NODE = PM + "/whys/nodes/{nodeId}";
    static final String ACTION = "/api/v1/actions/{id}";
    static final String DEBRIEF = "/api/v1/debriefs/{id}";
    static final String CHANNEL = "/api/v1/sharing/channels/{id}";
    /** A debrief's owner (the postmortem's owner here), its facilitator (the co-author) and administrators. */
    static final String DEBRIEF_EDITORS = "401 403 ok  ok  403 ok";
    /**
     * The debrief's room: those invited, its owner and facilitator, and administrators come in (nobody else is invited
     * in this world, so the viewer and the other member are refused like strangers).
     */
    static final String DEBRIEF_ROOM = DEBRIEF_EDITORS;
    /** What only the facilitator (the co-author) or an administrator does: not even the debrief's owner. */
    static final String FACILITATOR = "401 403 ok  403 403 ok";
    /** A card, written by the co-author: changed or taken back by its author only, administrators included. */
    static final String CARD_AUTHOR = "401 403 ok  403 403 403";

    /** The table: for each operation, what each caller gets, and what the call sends. */
    static final Map<String, Rule> TABLE = table(
            // Incidents
            rule("GET /api/v1/incidents", EVERYONE_SIGNED_IN),
            rule("POST /api/v1/incidents", MEMBERS).json(w -> AuthorizationWorld.INCIDENT_JSON),
            rule("GET /api/v1/incidents/{key}", EVERYONE_SIGNED_IN),
            rule("PATCH /api/v1/incidents/{key}", MEMBERS)
                    .json(w -> "{\"title\": \"Checkout slow in the EU\"}")
                    .ifMatch(w -> w.incident().version()),
            rule("POST /api/v1/incidents/{key}/resolve", MEMBERS).json(w -> "{}"),
            rule("GET /api/v1/incidents/{key}/activity", EVERYONE_SIGNED_IN),
            rule("GET /api/v1/incidents/{key}/postmortem", EVERYONE_SIGNED_IN),
            rule("POST /api/v1/incidents/{key}/postmortem", MEMBERS)
                    .var("key", AuthorizationWorld::bareIncident)
                    .json(w -> "{}"),
            rule("GET /api/v1/services", EVERYONE_SIGNED_IN),
            rule("GET /api/v1/teams", EVERYONE_SIGNED_IN),
            // Postmortems
            rule("GET /api/v1/postmortems", EVERYONE_SIGNED_IN),
            rule("GET " + PM, EVERYONE_SIGNED_IN),
            rule("PUT " + PM + "/sections/{sectionKey}", MEMBERS)
                    .json(w -> "{\"body\": \"What happened, in order.\"}")
                    .ifMatch(w -> w.section().version()),
            rule("POST " + PM + "/co-authors", OWNER_OR_ADMIN)
                    .json(w -> "{\"userId\": " + w.cast().other().id() + "}"),
            rule("DELETE " + PM + "/co-authors/{userId}", OWNER_OR_ADMIN),
            rule("POST " + PM + "/owner", OWNER_OR_ADMIN)
                    .json(w -> "{\"userId\": " + w.cast().other().id() + "}"),
            rule("POST " + PM + "/submit", AUTHORS),
            rule("POST " + PM + "/withdraw", AUTHORS),
            rule("POST " + PM + "/approve", NOT_AUTHORS).json(w -> "{}"),
            rule("POST " + PM + "/request-changes", NOT_AUTHORS).json(w -> "{\"comment\": \"Add the timeline.\"}"),
            rule("POST " + PM + "/publish", MEMBERS),
            rule("POST " + PM + "/amend", MEMBERS),
            rule("GET " + PM + "/reviews", EVERYONE_SIGNED_IN),
            rule("GET " + PM + "/revisions", EVERYONE_SIGNED_IN).prepare(AuthorizationWorld::publish),
            rule("GET " + PM + "/revisions/{number}", EVERYONE_SIGNED_IN).prepare(AuthorizationWorld::publish),
            rule("GET " + PM + "/revisions/compare", EVERYONE_SIGNED_IN)
                    .query("from=1&to=1")
                    .prepare(AuthorizationWorld::publish),
            rule("GET " + PM + "/export", EVERYONE_SIGNED_IN).query("format=markdown"),
            rule("POST /api/v1/postmortems/import", MEMBERS)
                    .content(MediaType.parseMediaType("text/markdown"), w -> AuthorizationWorld.IMPORT_MARKDOWN),
            // Archive imports: who may import follows the import above; a job is its owner's (and admins') alone.
            // The body carries no part, so a member's call is refused 400 for want of files, after authorization.
            rule("POST /api/v1/postmortems/import-jobs", MEMBERS)
                    .content(MediaType.parseMediaType("multipart/form-data; boundary=none"), w -> ""),
            rule("GET /api/v1/postmortems/import-jobs", EVERYONE_SIGNED_IN),
            rule("GET /api/v1/postmortems/import-jobs/{id}", OWNER_OR_ADMIN_ELSE_NOTHING),
            // Timeline
            rule("GET " + PM + "/timeline", EVERYONE_SIGNED_IN),
            rule("POST " + PM + "/timeline", MEMBERS).json(w -> AuthorizationWorld.EVENT_JSON),
            rule("PUT " + PM + "/timeline/{eventId}", MEMBERS).json(w -> AuthorizationWorld.EVENT_JSON),
            rule("DELETE " + PM + "/timeline/{eventId}", MEMBERS),
            rule("POST " + PM + "/timeline/import", MEMBERS)
                    .json(w -> "{\"text\": \"10:02 alice: paged the on-call\", \"date\": \"2026-11-20\","
                            + " \"zone\": \"UTC\", \"preview\": true}"),
            // Personal accounts: the co-author's draft, which no one else may see; once shared, everyone reads it
            rule("GET " + PM + "/accounts", EVERYONE_SIGNED_IN),
            rule("POST " + PM + "/accounts", MEMBERS).json(w -> "{\"narrative\": \"I was on call.\"}"),
            rule("GET " + ACCOUNT, ACCOUNT_READ).also("shared", EVERYONE_SIGNED_IN, SHARED),
            rule("PUT " + ACCOUNT, ACCOUNT_WRITE)
                    .json(w -> "{\"narrative\": \"I was on call that night.\"}")
                    .ifMatch(w -> w.account().version())
                    .also("shared", SHARED_WRITE, SHARED),
            rule("DELETE " + ACCOUNT, ACCOUNT_WRITE).also("shared", SHARED_WRITE, SHARED),
            rule("POST " + ACCOUNT + "/share", ACCOUNT_WRITE).also("shared", SHARED_WRITE, SHARED),
            rule("POST " + ACCOUNT + "/unshare", ACCOUNT_WRITE).also("shared", SHARED_WRITE, SHARED),
            rule("GET " + ACCOUNT + "/entries", ACCOUNT_READ).also("shared", EVERYONE_SIGNED_IN, SHARED),
            rule("POST " + ACCOUNT + "/entries", ACCOUNT_WRITE)
                    .json(w -> AuthorizationWorld.ENTRY_JSON)
                    .also("shared", SHARED_WRITE, SHARED),
            rule("PUT " + ACCOUNT + "/entries/{entryId}", ACCOUNT_WRITE)
                    .json(w -> AuthorizationWorld.ENTRY_JSON)
                    .also("shared", SHARED_WRITE, SHARED),
            rule("DELETE " + ACCOUNT + "/entries/{entryId}", ACCOUNT_WRITE).also("shared", SHARED_WRITE, SHARED),
            // Five whys and contributing factors
            rule("GET " + PM + "/whys", EVERYONE_SIGNED_IN),
            rule("PUT " + PM + "/whys/problem", MEMBERS)
                    .json(w -> "{\"problem\": \"Customers could not pay.\", \"version\": " + w.treeVersion() + "}"),
            rule("POST " + PM + "/whys/nodes", MEMBERS).json(w -> "{\"answer\": \"The certificate expired.\"}"),
            rule("GET " + NODE, EVERYONE_SIGNED_IN),
            rule("PATCH " + NODE, MEMBERS)
                    .json(w -> "{\"answer\": \"No alert on expiry.\", \"version\": "
                            + w.node().version() + "}"),
            rule("PUT " + NODE, MEMBERS)
                    .json(w -> "{\"answer\": \"No alert on expiry.\", \"version\": "
                            + w.node().version() + "}"),
            rule("DELETE " + NODE, MEMBERS),
            rule("POST " + NODE + "/votes", MEMBERS),
            rule("DELETE " + NODE + "/votes", MEMBERS),
            rule("POST " + NODE + "/choose", "401 403 403 ok  403 403"),
            rule("POST " + NODE + "/unchoose", "401 403 403 ok  403 403"),
            rule("POST " + NODE + "/action", MEMBERS).json(w -> w.actionJson()),
            rule("PUT " + NODE + "/factor", MEMBERS).json(w -> "{\"categoryId\": " + w.category() + "}"),
            rule("DELETE " + NODE + "/factor", MEMBERS).prepare(AuthorizationWorld::markNodeAsFactor),
            rule("GET " + PM + "/factors", EVERYONE_SIGNED_IN),
            rule("POST " + PM + "/factors", MEMBERS)
                    .json(w -> "{\"statement\": \"Certificates are rotated by hand.\", \"categoryId\": " + w.category()
                            + "}"),
            rule("GET " + PM + "/factors/{factorId}", EVERYONE_SIGNED_IN),
            rule("PUT " + PM + "/factors/{factorId}", MEMBERS)
                    .json(w -> "{\"note\": \"Seen twice before.\", \"version\": "
                            + w.factor().version() + "}"),
            rule("DELETE " + PM + "/factors/{factorId}", MEMBERS),
            rule("GET /api/v1/factors", EVERYONE_SIGNED_IN),
            rule("GET /api/v1/why-settings", EVERYONE_SIGNED_IN),
            rule("PUT /api/v1/why-settings", ADMINS).json(w -> "{\"perPerson\": 5, \"perNode\": 2}"),
            rule("GET /api/v1/factor-categories", EVERYONE_SIGNED_IN),
            rule("POST /api/v1/factor-categories", ADMINS).json(w -> "{\"name\": \"Tooling " + w.unique() + "\"}"),
            rule("PUT /api/v1/factor-categories/{id}", ADMINS).json(w -> "{\"retired\": false}"),
            // Action items and trackers
            rule("POST " + PM + "/actions", MEMBERS).json(w -> w.actionJson()),
            rule("GET " + PM + "/actions", EVERYONE_SIGNED_IN),
            rule("POST " + PM + "/actions/focus", MEMBERS)
                    .json(w -> "{\"keep\": [" + w.action().id() + "], \"others\": \"lower\"}"),
            rule("GET /api/v1/actions", EVERYONE_SIGNED_IN),
            rule("GET " + ACTION, EVERYONE_SIGNED_IN),
            rule("PATCH " + ACTION, MEMBERS)
                    .json(w -> "{\"title\": \"Alert before certificates expire\"}")
                    .ifMatch(w -> w.action().version()),
            rule("GET " + ACTION + "/history", EVERYONE_SIGNED_IN),
            rule("POST " + ACTION + "/commit", MEMBERS).json(w -> "{\"reason\": \"It cannot wait.\"}"),
            rule("POST " + ACTION + "/start", MEMBERS),
            rule("POST " + ACTION + "/complete", MEMBERS),
            rule("POST " + ACTION + "/verify", MEMBERS).json(w -> "{\"effective\": true}"),
            rule("POST " + ACTION + "/follow-up", MEMBERS).json(w -> w.actionJson()),
            rule("POST " + ACTION + "/reopen", MEMBERS),
            rule("POST " + ACTION + "/drop", MEMBERS).json(w -> "{\"reason\": \"Covered elsewhere.\"}"),
            rule("POST " + ACTION + "/merge", MEMBERS).json(w -> "{\"mergeId\": " + w.secondAction() + "}"),
            rule("POST " + ACTION + "/tracker", MEMBERS)
                    .json(w -> "{\"tracker\": \"github\"}")
                    .prepare(AuthorizationWorld::connectTracker),
            rule("GET " + ACTION + "/tracker", EVERYONE_SIGNED_IN).prepare(AuthorizationWorld::sendToTracker),
            rule("GET /api/v1/trackers", ADMINS),
            rule("GET /api/v1/trackers/{tracker}", ADMINS),
            rule("PUT /api/v1/trackers/{tracker}", ADMINS).json(w -> "{\"enabled\": false}"),
            // Trackers call back without an account; the signature decides, and none is sent here.
            rule("POST /api/v1/trackers/github/webhook", "401 401 401 401 401 401")
                    .json(w -> "{}")
                    .prepare(AuthorizationWorld::connectTracker),
            rule("POST /api/v1/trackers/gitlab/webhook", "401 401 401 401 401 401")
                    .json(w -> "{}"),
            rule("POST /api/v1/trackers/jira/webhook", "401 401 401 401 401 401")
                    .json(w -> "{}"),
            rule("GET /api/v1/action-settings", EVERYONE_SIGNED_IN),
            rule("PUT /api/v1/action-settings", ADMINS).json(w -> "{}"),
            rule("GET /api/v1/reports/follow-up", EVERYONE_SIGNED_IN),
            rule("GET /api/v1/reports/follow-up/subscription", EVERYONE_SIGNED_IN),
            rule("PUT /api/v1/reports/follow-up/subscription", MEMBERS),
            rule("DELETE /api/v1/reports/follow-up/subscription", MEMBERS),
            // Debriefs: scheduled by the postmortem's owner with the co-author facilitating
            rule("POST /api/v1/debriefs", MEMBERS).json(AuthorizationWorld::debriefJson),
            rule("GET " + DEBRIEF, EVERYONE_SIGNED_IN),
            rule("PUT " + DEBRIEF, DEBRIEF_EDITORS)
                    .json(AuthorizationWorld::debriefJson)
                    .ifMatch(w -> w.debrief().version()),
            rule("POST " + DEBRIEF + "/cancel", DEBRIEF_EDITORS),
            rule("GET " + DEBRIEF + "/invitees", EVERYONE_SIGNED_IN),
            rule("POST " + DEBRIEF + "/invitees", DEBRIEF_EDITORS)
                    .json(w -> "{\"invitees\": [{\"email\": \"guest-" + w.unique() + "@example.org\"}]}"),
            // Sharing: chat channels and their deliveries are administrators' alone; each person's subscription is
            // their own (no id in the path: the caller's), viewers included. The feed reader brings a token, not an
            // account, and none is sent here.
            rule("GET /api/v1/sharing/channels", ADMINS),
            rule("POST /api/v1/sharing/channels", ADMINS).json(AuthorizationWorld::channelJson),
            rule("GET " + CHANNEL, ADMINS),
            rule("PUT " + CHANNEL, ADMINS)
                    .json(AuthorizationWorld::channelJson)
                    .ifMatch(w -> w.channel().version()),
            rule("DELETE " + CHANNEL, ADMINS),
            rule("POST " + CHANNEL + "/test", ADMINS),
            rule("GET /api/v1/sharing/deliveries", ADMINS).query("state=failed"),
            rule("POST /api/v1/sharing/deliveries/{id}/retry", "401 403 403 403 403 404"),
            rule("GET /api/v1/sharing/subscription", EVERYONE_SIGNED_IN),
            rule("PUT /api/v1/sharing/subscription", EVERYONE_SIGNED_IN).json(w -> "{\"scope\": \"all\"}"),
            rule("POST /api/v1/sharing/subscription/feed-token", EVERYONE_SIGNED_IN),
            rule("GET /feeds/postmortems.atom", "401 401 401 401 401 401"),
            // The debrief's room
            rule("GET " + DEBRIEF + "/room", DEBRIEF_ROOM),
            rule("PUT " + DEBRIEF + "/room", FACILITATOR)
                    .prepare(AuthorizationWorld::openDebriefRoom)
                    .json(w -> "{\"anonymous\": true}"),
            rule("POST " + DEBRIEF + "/phase", FACILITATOR).json(w -> "{\"phase\": \"check-in\"}"),
            rule("POST " + DEBRIEF + "/facilitator", FACILITATOR)
                    .prepare(AuthorizationWorld::openDebriefRoom)
                    .json(w -> "{\"personId\": " + w.cast().owner().id() + "}"),
            rule("GET " + DEBRIEF + "/cards", DEBRIEF_ROOM),
            rule("POST " + DEBRIEF + "/cards", DEBRIEF_ROOM)
                    .prepare(AuthorizationWorld::openDebriefRoom)
                    .json(w -> "{\"column\": \"went-well\", \"text\": \"The alert fired early.\"}"),
            rule("PUT " + DEBRIEF + "/cards/{cardId}", CARD_AUTHOR)
                    .var("cardId", AuthorizationWorld::debriefCard)
                    .json(w -> "{\"column\": \"went-well\", \"text\": \"The alert fired first.\"}"),
            rule("DELETE " + DEBRIEF + "/cards/{cardId}", CARD_AUTHOR).var("cardId", AuthorizationWorld::debriefCard),
            rule("PUT " + DEBRIEF + "/cards/{cardId}/theme", DEBRIEF_ROOM)
                    .var("cardId", AuthorizationWorld::debriefCard)
                    .json(w -> "{\"themeId\": null}"),
            rule("GET " + DEBRIEF + "/themes", DEBRIEF_ROOM),
            rule("POST " + DEBRIEF + "/themes", DEBRIEF_ROOM)
                    .prepare(AuthorizationWorld::openDebriefRoom)
                    .json(w -> "{\"title\": \"Alerting\"}"),
            rule("POST " + DEBRIEF + "/themes/{themeId}/votes", DEBRIEF_ROOM)
                    .var("themeId", AuthorizationWorld::debriefTheme),
            rule("DELETE " + DEBRIEF + "/themes/{themeId}/votes", DEBRIEF_ROOM)
                    .var("themeId", AuthorizationWorld::debriefTheme),
            rule("POST " + DEBRIEF + "/themes/{themeId}/whys", DEBRIEF_ROOM)
                    .var("themeId", AuthorizationWorld::debriefTheme),
            // Notes on a theme: anyone in the room writes them; the writer (the owner here) or the facilitator (the
            // co-author) and administrators take one away, and the owner may not take away the facilitator's.
            rule("GET " + DEBRIEF + "/themes/{themeId}/notes", DEBRIEF_ROOM)
                    .var("themeId", AuthorizationTableTests::discussedTheme),
            rule("POST " + DEBRIEF + "/themes/{themeId}/notes", DEBRIEF_ROOM)
                    .var("themeId", AuthorizationTableTests::discussedTheme)
                    .json(w -> "{\"text\": \"We page the on-call too late.\"}"),
            rule("DELETE " + DEBRIEF + "/themes/{themeId}/notes/{noteId}", DEBRIEF_ROOM)
                    .var("themeId", AuthorizationTableTests::discussedTheme)
                    .var("noteId", AuthorizationTableTests::themeNote)
                    .also("the facilitator's note", FACILITATOR, AuthorizationTableTests::facilitatorsNote),
            rule("GET " + DEBRIEF + "/summary", DEBRIEF_ROOM),
            rule("PUT " + DEBRIEF + "/summary", FACILITATOR).json(w -> "{\"markdown\": \"# Summary\"}"),
            rule("POST " + DEBRIEF + "/summary/share", FACILITATOR).json(w -> "{\"audience\": \"participants\"}"),
            rule("GET " + DEBRIEF + "/proposals", DEBRIEF_ROOM),
            rule("POST " + DEBRIEF + "/proposals", DEBRIEF_ROOM)
                    .prepare(AuthorizationWorld::openDebriefRoom)
                    .json(w -> "{\"text\": \"Rehearse failover\", \"ownerId\": "
                            + w.cast().owner().id() + "}"),
            rule("GET " + DEBRIEF + "/events", DEBRIEF_ROOM).stream(),
            // Language coach
            rule("POST /api/v1/language/review", MEMBERS).json(w -> "{\"text\": \"The deploy went out at ten.\"}"),
            rule("GET /api/v1/language/rules", EVERYONE_SIGNED_IN),
            rule("PUT /api/v1/language/rules/{id}", ADMINS).json(w -> "{\"enabled\": true}"),
            rule("POST /api/v1/language/rules", ADMINS).json(w -> "{}"),
            // Templates and policy
            rule("GET /api/v1/templates", EVERYONE_SIGNED_IN),
            rule("POST /api/v1/templates", ADMINS).json(w -> "{}"),
            rule("GET /api/v1/templates/{id}", EVERYONE_SIGNED_IN),
            rule("PUT /api/v1/templates/{id}", ADMINS).json(w -> "{}"),
            rule("POST /api/v1/templates/{id}/retire", ADMINS),
            rule("POST /api/v1/templates/{id}/restore", ADMINS),
            rule("POST /api/v1/templates/{id}/move", ADMINS).json(w -> "{}"),
            rule("GET /api/v1/templates/rules", EVERYONE_SIGNED_IN),
            rule("PUT /api/v1/templates/rules", ADMINS).json(w -> "[]"),
            rule("GET /api/v1/postmortem-policy", EVERYONE_SIGNED_IN),
            rule("PUT /api/v1/postmortem-policy", ADMINS).json(w -> "{}"),
            // People and tokens: the token is the owner's, and no one else sees it
            rule("GET /api/v1/me", EVERYONE_SIGNED_IN),
            rule("GET /api/v1/users", ADMINS),
            rule("POST /api/v1/users", ADMINS)
                    .json(w -> "{\"email\": \"new-" + w.unique() + "@kintsugi.test\", \"displayName\": \"New Person\","
                            + " \"password\": \"" + TestPeople.PASSWORD + "\", \"role\": \"MEMBER\"}"),
            rule("PATCH /api/v1/users/{id}", ADMINS).json(w -> "{\"zone\": \"Europe/Berlin\"}"),
            rule("GET /api/v1/tokens", EVERYONE_SIGNED_IN),
            rule("POST /api/v1/tokens", EVERYONE_SIGNED_IN).json(w -> "{\"name\": \"ci\"}"),
            rule("DELETE /api/v1/tokens/{id}", "401 404 404 ok  404 404"),
            // Failed sign-ins and locks
            rule("GET /api/v1/sign-ins/failures", ADMINS),
            rule("POST /api/v1/sign-ins/lift", ADMINS).json(w -> "{\"address\": \"203.0.113.9\"}"),
            // Search and "another one of those"
            rule("GET /api/v1/search", EVERYONE_SIGNED_IN),
            rule("POST /api/v1/search/reindex", ADMINS),
            rule("GET /api/v1/search/reindex", ADMINS),
            rule("GET /api/v1/incidents/{key}/similar", EVERYONE_SIGNED_IN),
            rule("GET " + PM + "/similar", EVERYONE_SIGNED_IN),
            rule("POST /api/v1/similar", MEMBERS)
                    .json(w -> "{\"title\": \"Certificate expired on the load balancer\"}"),
            // Backups: the test database is not the embedded file, so an administrator's backup is refused (409)
            // and there is none to download (404); everyone else is stopped before that.
            rule("POST /api/v1/backups", ADMINS),
            rule("GET /api/v1/backups", ADMINS),
            rule("GET /api/v1/backups/{name}", "401 403 403 403 403 404")
                    .var("name", w -> "kintsugi-20261206-101500.zip"));

    static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");

    /**
     * The pages that change who writes a postmortem, with what each caller gets: sent to sign in, refused by role
     * (403), refused on the page (back to the postmortem with the reason, nothing changed), or done.
     */
    static final Map<String, String> PAGE_TABLE = Map.of(
            "POST /postmortems/{id}/co-authors", "login 403 refused done refused done",
            "POST /postmortems/{id}/co-authors/{userId}/remove", "login 403 refused done refused done",
            "POST /postmortems/{id}/owner", "login 403 refused done refused done");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    org.springframework.test.web.servlet.MockMvc plainMvc;

    @Autowired
    TestPeople people;

    @Autowired
    ApplicationContext context;

    Cast cast;

    /** The context, for the room's notes made on demand by the table's rows (which are static). */
    static @Nullable ApplicationContext beans;

    @BeforeEach
    void cast() {
        cast = AuthorizationWorld.cast(people, context);
        beans = context;
    }

    static <T> T bean(Class<T> type) {
        assertThat(beans).as("the context, set before each test").isNotNull();
        return beans.getBean(type);
    }

    /** Return the debrief's theme under discussion, moving its room (by the co-author, its facilitator) there once. */
    static long discussedTheme(AuthorizationWorld w) {
        long id = w.debrief().id();
        KintsugiPrincipal facilitator = KintsugiPrincipal.of(w.cast().coAuthor());
        List<RoomView.ThemeView> themes =
                bean(RoomReader.class).read(id, facilitator).themes();
        if (!themes.isEmpty()) {
            return themes.getFirst().id();
        }
        RoomManagement rooms = bean(RoomManagement.class);
        rooms.moveTo(id, "group", null, facilitator);
        long theme = bean(RoomCards.class).theme(id, "Paging", facilitator);
        rooms.moveTo(id, "discuss", null, facilitator);
        return theme;
    }

    /** Return the first note on the theme under discussion: one the owner writes when there is none yet. */
    static long themeNote(AuthorizationWorld w) {
        long id = w.debrief().id();
        long theme = discussedTheme(w);
        List<RoomView.NoteView> notes = bean(RoomNotes.class)
                .notes(id, theme, KintsugiPrincipal.of(w.cast().coAuthor()));
        if (!notes.isEmpty()) {
            return notes.getFirst().id();
        }
        return bean(RoomNotes.class)
                .add(
                        id,
                        theme,
                        "The page came late.",
                        KintsugiPrincipal.of(w.cast().owner()));
    }

    /** Write a note on the theme under discussion as the co-author, the facilitator, before anyone else does. */
    static void facilitatorsNote(AuthorizationWorld w) {
        bean(RoomNotes.class)
                .add(
                        w.debrief().id(),
                        discussedTheme(w),
                        "Who saw it first?",
                        KintsugiPrincipal.of(w.cast().coAuthor()));
    }

    @TestFactory
    Stream<DynamicTest> everyDocumentedOperationGivesEachCallerWhatTheTableSays() throws Exception {
        Set<String> documented = documentedOperations();
        Stream<DynamicTest> operations =
                documented.stream().map(operation -> DynamicTest.dynamicTest(operation, () -> check(operation)));
        Stream<DynamicTest> stale =
                Stream.of(DynamicTest.dynamicTest("the table names only documented operations", () -> {
                    Set<String> unknown = new TreeSet<>(TABLE.keySet());
                    unknown.removeAll(documented);
                    assertThat(unknown)
                            .as("operations in the table that /v3/api-docs does not list")
                            .isEmpty();
                }));
        return Stream.concat(operations, stale);
    }

    @TestFactory
    Stream<DynamicTest> everyPageThatChangesWhoWritesGivesEachCallerWhatTheTableSays() {
        Set<String> routes = new TreeSet<>();
        context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class)
                .getHandlerMethods()
                .keySet()
                .forEach(mapping -> mapping.getMethodsCondition()
                        .getMethods()
                        .forEach(method -> mapping.getPatternValues().stream()
                                .filter(path -> !path.startsWith("/api/"))
                                .filter(path -> path.contains("/co-authors") || path.endsWith("/owner"))
                                .forEach(path -> routes.add(method + " " + path))));
        assertThat(routes).as("pages that change who writes a postmortem").isNotEmpty();
        return routes.stream().map(route -> DynamicTest.dynamicTest(route, () -> checkPage(route)));
    }

    void checkPage(String route) throws Exception {
        String expected = PAGE_TABLE.get(route);
        assertThat(expected)
                .as("%s has no row in the page table: say who may call it", route)
                .isNotNull();
        List<String> outcomes = Arrays.asList(expected.split(" "));
        List<String> wrong = new ArrayList<>();
        for (int caller = 0; caller < CALLERS.size(); caller++) {
            AuthorizationWorld world = new AuthorizationWorld(cast, context);
            PostmortemView before = world.postmortem();
            UserView as = cast.caller(caller);
            var request = mvc.post()
                    .uri(world.substitute(route.split(" ")[1], Map.of()))
                    .param("userId", String.valueOf(cast.other().id()))
                    .with(csrf());
            if (as != null) {
                request = request.with(user(KintsugiPrincipal.of(as)));
            }
            MvcTestResult result = request.exchange();
            PostmortemView after = context.getBean(PostmortemManagement.class).find(before.id());
            boolean changed =
                    !after.owner().equals(before.owner()) || !after.coAuthors().equals(before.coAuthors());
            String got = outcome(result, changed);
            if (!got.equals(outcomes.get(caller)) || (!got.equals("done") && changed)) {
                wrong.add(CALLERS.get(caller) + " expected " + outcomes.get(caller) + " but got " + got
                        + (changed ? " (and it changed)" : ""));
            }
        }
        assertThat(wrong).as(route).isEmpty();
    }

    /** Name what a page call did: sent to sign in, refused by role, refused on the page, or done. */
    static String outcome(MvcTestResult result, boolean changed) {
        if (result.getResponse().getStatus() == 403) {
            return "403";
        }
        if (String.valueOf(result.getResponse().getRedirectedUrl()).endsWith("/login")) {
            return "login";
        }
        if (changed) {
            return "done";
        }
        return result.getMvcResult().getFlashMap().containsKey("problem") ? "refused" : "unchanged";
    }

    @Test
    void thePostmortemPageOffersHandingOverAndCoAuthorsOnlyToTheOwnerAndAdministrators() throws Exception {
        AuthorizationWorld world = new AuthorizationWorld(cast, context);
        String page = "/postmortems/" + world.postmortemId();
        Map<String, Boolean> offered = new LinkedHashMap<>();
        for (UserView as : List.of(cast.coAuthor(), cast.other(), cast.owner(), cast.admin())) {
            String html = mvc.get()
                    .uri(page)
                    .with(user(KintsugiPrincipal.of(as)))
                    .exchange()
                    .getResponse()
                    .getContentAsString();
            offered.put(as.displayName(), html.contains("make owner") || html.contains("id=\"coauthor-title\""));
        }
        assertThat(offered)
                .containsExactly(
                        Map.entry(cast.coAuthor().displayName(), false),
                        Map.entry(cast.other().displayName(), false),
                        Map.entry(cast.owner().displayName(), true),
                        Map.entry(cast.admin().displayName(), true));
    }

    Set<String> documentedOperations() throws Exception {
        String docs = mvc.get().uri("/v3/api-docs").exchange().getResponse().getContentAsString();
        Map<String, Map<String, Object>> paths = JsonPath.read(docs, "$.paths");
        Set<String> operations = new TreeSet<>();
        paths.forEach((path, methods) -> methods.keySet().stream()
                .filter(METHODS::contains)
                .forEach(method -> operations.add(method.toUpperCase() + " " + path)));
        // /actuator has rules of its own, checked with the other identity settings.
        operations.removeIf(operation -> operation.contains(" /actuator"));
        assertThat(operations).as("operations listed by /v3/api-docs").hasSizeGreaterThan(100);
        return operations;
    }

    void check(String operation) throws Exception {
        Rule row = TABLE.get(operation);
        assertThat(row)
                .as("%s has no row in the authorization table: say who may call it", operation)
                .isNotNull();
        List<String> wrong = new ArrayList<>();
        for (Rule rule : row.situations()) {
            // Reads share one world; every other call gets a fresh one, so what it changes changes nothing else.
            AuthorizationWorld shared = rule.method.equals("GET") ? prepared(rule) : null;
            for (int caller = 0; caller < CALLERS.size(); caller++) {
                AuthorizationWorld world = shared != null ? shared : prepared(rule);
                if (rule.stream) {
                    int status = streamStatus(rule, world, cast.caller(caller));
                    if (!fits(rule.expected.get(caller), status)) {
                        wrong.add(rule.situation + CALLERS.get(caller) + " expected " + rule.expected.get(caller)
                                + " but got " + status);
                    }
                    continue;
                }
                MvcTestResult result = send(rule, world, cast.caller(caller));
                int status = result.getResponse().getStatus();
                String expected = rule.expected.get(caller);
                if (!fits(expected, status)) {
                    wrong.add(rule.situation + CALLERS.get(caller) + " expected " + expected + " but got " + status
                            + " " + result.getResponse().getContentAsString());
                }
            }
        }
        assertThat(wrong).as(operation).isEmpty();
    }

    AuthorizationWorld prepared(Rule rule) {
        AuthorizationWorld world = new AuthorizationWorld(cast, context);
        rule.prepare.accept(world);
        return world;
    }

    /** Return the status an event stream answers with, without waiting for the stream to end. */
    int streamStatus(Rule rule, AuthorizationWorld world, @Nullable UserView as) throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                world.substitute(rule.path, rule.vars));
        if (as != null) {
            request = request.with(httpBasic(as.email(), TestPeople.PASSWORD));
        }
        var result = plainMvc.perform(request).andReturn();
        if (result.getRequest().isAsyncStarted()) {
            // Started: the stream is open and stays so; let it go.
            result.getRequest().getAsyncContext().complete();
        }
        return result.getResponse().getStatus();
    }

    MvcTestResult send(Rule rule, AuthorizationWorld world, @Nullable UserView as) {
        String uri = world.substitute(rule.path, rule.vars) + (rule.query.isEmpty() ? "" : "?" + rule.query);
        var request = mvc.method(HttpMethod.valueOf(rule.method)).uri(uri);
        if (as != null) {
            request = request.with(httpBasic(as.email(), TestPeople.PASSWORD));
        }
        if (rule.body != null) {
            request = request.contentType(rule.contentType).content(rule.body.apply(world));
        }
        if (rule.ifMatch != null) {
            request = request.header("If-Match", "\"" + rule.ifMatch.apply(world) + "\"");
        }
        return request.exchange();
    }

    /** Return whether a status is what the table expects: exactly the refusal, or a call let past authorization. */
    static boolean fits(String expected, int status) {
        if (expected.equals("ok")) {
            return (status >= 200 && status < 300) || Set.of(400, 409, 412, 422).contains(status);
        }
        return status == Integer.parseInt(expected);
    }

    static Map<String, Rule> table(Rule... rules) {
        Map<String, Rule> table = new LinkedHashMap<>();
        for (Rule rule : rules) {
            assertThat(table.put(rule.operation(), rule))
                    .as("one row per operation")
                    .isNull();
        }
        return table;
    }

    static Rule rule(String operation, String expected) {
        return new Rule(operation, expected);
    }

    /** One row: an operation, what each caller gets, and how to call it in a world. */
    static final class Rule {

        private static final Consumer<AuthorizationWorld> NOTHING = world -> {};

        final String method;
        final String path;
        final List<String> expected;
        final Map<String, Function<AuthorizationWorld, Object>> vars = new LinkedHashMap<>();
        String query = "";
        MediaType contentType = MediaType.APPLICATION_JSON;

        @Nullable
        Function<AuthorizationWorld, String> body;

        @Nullable
        Function<AuthorizationWorld, Long> ifMatch;

        Consumer<AuthorizationWorld> prepare = NOTHING;
        boolean stream;
        String situation = "";
        final List<Rule> also = new ArrayList<>();

        Rule(String operation, String expected) {
            String[] parts = operation.split(" ");
            this.method = parts[0];
            this.path = parts[1];
            this.expected = Arrays.asList(expected.trim().split("\\s+"));
            assertThat(this.expected).as(operation).hasSize(CALLERS.size());
        }

        String operation() {
            return method + " " + path;
        }

        Rule json(Function<AuthorizationWorld, String> body) {
            return content(MediaType.APPLICATION_JSON, body);
        }

        Rule content(MediaType type, Function<AuthorizationWorld, String> body) {
            this.contentType = type;
            this.body = body;
            return this;
        }

        /** Call an event stream: answered at once when refused, else left open (not waited for) once it started. */
        Rule stream() {
            this.stream = true;
            return this;
        }

        Rule ifMatch(Function<AuthorizationWorld, Long> version) {
            this.ifMatch = version;
            return this;
        }

        Rule query(String query) {
            this.query = query;
            return this;
        }

        Rule var(String name, Function<AuthorizationWorld, Object> value) {
            vars.put(name, value);
            return this;
        }

        Rule prepare(Consumer<AuthorizationWorld> prepare) {
            this.prepare = prepare;
            return this;
        }

        /** Add another situation for the same call, made by {@code prepare}, with what each caller gets in it. */
        Rule also(String situation, String expected, Consumer<AuthorizationWorld> prepare) {
            Rule other = new Rule(operation(), expected);
            other.vars.putAll(vars);
            other.query = query;
            other.contentType = contentType;
            other.body = body;
            other.ifMatch = ifMatch;
            other.prepare = prepare;
            other.situation = situation + ": ";
            also.add(other);
            return this;
        }

        List<Rule> situations() {
            List<Rule> all = new ArrayList<>(List.of(this));
            all.addAll(also);
            return all;
        }
    }
}
