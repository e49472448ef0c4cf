package org.kintsugi.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.kintsugi.action.ActionManagement;
import org.kintsugi.action.ActionView;
import org.kintsugi.action.tracker.TrackerConfiguration;
import org.kintsugi.action.tracker.TrackerKind;
import org.kintsugi.action.tracker.TrackerSettingsChange;
import org.kintsugi.action.tracker.TrackerSync;
import org.kintsugi.analysis.account.AccountManagement;
import org.kintsugi.analysis.account.AccountView;
import org.kintsugi.analysis.account.EntryDraft;
import org.kintsugi.analysis.account.EntryKind;
import org.kintsugi.analysis.coach.LanguageRules;
import org.kintsugi.analysis.factors.ContributingFactors;
import org.kintsugi.analysis.factors.FactorCategories;
import org.kintsugi.analysis.factors.FactorInput;
import org.kintsugi.analysis.factors.FactorView;
import org.kintsugi.analysis.whys.FiveWhys;
import org.kintsugi.analysis.whys.NodeView;
import org.kintsugi.analysis.whys.WhyAnswer;
import org.kintsugi.debrief.DebriefDetails;
import org.kintsugi.debrief.DebriefManagement;
import org.kintsugi.debrief.DebriefView;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.identity.TokenManagement;
import org.kintsugi.identity.UserManagement;
import org.kintsugi.identity.UserView;
import org.kintsugi.incident.IncidentDetails;
import org.kintsugi.incident.IncidentKind;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.incident.IncidentView;
import org.kintsugi.incident.Severity;
import org.kintsugi.knowledge.archive.ArchiveImports;
import org.kintsugi.knowledge.archive.Upload;
import org.kintsugi.postmortem.Author;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.postmortem.PostmortemTimeline;
import org.kintsugi.postmortem.PostmortemView;
import org.kintsugi.postmortem.TimelineKind;
import org.kintsugi.postmortem.review.PostmortemReview;
import org.kintsugi.postmortem.template.TemplateCatalogue;
import org.kintsugi.postmortem.template.TemplateChoice;
import org.kintsugi.postmortem.timeline.TimelineEntry;
import org.kintsugi.sharing.ChannelDetails;
import org.kintsugi.sharing.ChannelManagement;
import org.kintsugi.sharing.ChannelView;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ByteArrayResource;

/**
 * The things an authorization test calls the API on, each made on first use: an incident with a draft postmortem
 * owned by one member with another as co-author, the co-author's draft account, a why-answer, a factor, an action
 * item, a timeline event, the owner's API token.
 */
public final class AuthorizationWorld {

    public static final String INCIDENT_JSON = """
            {"title": "Checkout unavailable", "kind": "system", "severity": "SEV2",
             "impact": "EU customers could not pay", "startedAt": "2026-11-20T10:00:00Z"}""";
    public static final String EVENT_JSON = """
            {"at": "2026-11-20T10:05:00Z", "description": "Paged the on-call", "kind": "action"}""";
    public static final String ENTRY_JSON = """
            {"at": "2026-11-20T10:05:00Z", "kind": "did", "text": "Restarted the pods"}""";
    public static final String IMPORT_MARKDOWN = """
            # Checkout unavailable

            ## Summary

            Customers could not pay for an hour.
            """;

    private static final Instant STARTED = Instant.parse("2026-11-20T10:00:00Z");
    private static final Pattern VARIABLE = Pattern.compile("([^/]+)/\\{([^}]+)}");

    /** The people who call: a viewer, the postmortem's co-author and owner, another member and an administrator. */
    public record Cast(UserView viewer, UserView coAuthor, UserView owner, UserView other, UserView admin) {

        /** Return the caller in the test's column order; anonymous (column 0) is null. */
        public @Nullable UserView caller(int column) {
            return switch (column) {
                case 0 -> null;
                case 1 -> viewer;
                case 2 -> coAuthor;
                case 3 -> owner;
                case 4 -> other;
                case 5 -> admin;
                default -> throw new IllegalArgumentException("no caller in column " + column);
            };
        }
    }

    public static Cast cast(TestPeople people, ApplicationContext context) {
        UserView admin = context.getBean(UserManagement.class).all().stream()
                .filter(u -> u.email().equals(TestPeople.ADMIN_EMAIL))
                .findFirst()
                .orElseThrow();
        return new Cast(people.viewer(), people.member(), people.member(), people.member(), admin);
    }

    private final Cast cast;
    private final ApplicationContext context;
    private final String unique = UUID.randomUUID().toString().substring(0, 8);
    private @Nullable PostmortemView postmortem;
    private @Nullable AccountView account;
    private @Nullable NodeView node;
    private @Nullable FactorView factor;
    private @Nullable ActionView action;
    private @Nullable Long event;
    private @Nullable Long token;
    private @Nullable Long importJob;
    private @Nullable DebriefView debrief;
    private @Nullable ChannelView channel;

    public AuthorizationWorld(Cast cast, ApplicationContext context) {
        this.cast = cast;
        this.context = context;
    }

    public Cast cast() {
        return cast;
    }

    public String unique() {
        return unique;
    }

    /** Put a value in for every {@code {variable}} of the path; {@code id} depends on the collection before it. */
    public String substitute(String path, Map<String, Function<AuthorizationWorld, Object>> given) {
        Matcher matcher = VARIABLE.matcher(path);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String collection = matcher.group(1);
            String name = matcher.group(2);
            Object value = given.containsKey(name) ? given.get(name).apply(this) : value(collection, name);
            matcher.appendReplacement(out, Matcher.quoteReplacement(collection + "/" + value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private Object value(String collection, String name) {
        return switch (name) {
            case "key" -> postmortem().incidentKey();
            case "sectionKey" -> section().key();
            case "userId" -> cast.coAuthor().id();
            case "number" -> 1;
            case "eventId" -> event();
            case "accountId" -> account().id();
            case "entryId" -> account().entries().getFirst().id();
            case "nodeId" -> node().id();
            case "factorId" -> factor().id();
            case "tracker" -> "github";
            case "id" ->
                switch (collection) {
                    case "postmortems" -> postmortem().id();
                    case "actions" -> action().id();
                    case "tokens" -> token();
                    case "users" ->
                        bean(UserManagement.class)
                                .add(new org.kintsugi.identity.NewUser(
                                        "moved-" + unique + "@kintsugi.test",
                                        "Moved " + unique,
                                        TestPeople.PASSWORD,
                                        org.kintsugi.identity.Role.MEMBER))
                                .id();
                    case "templates" -> otherTemplate();
                    case "factor-categories" -> category();
                    case "rules" -> bean(LanguageRules.class).list().getFirst().id();
                    case "import-jobs" -> importJob();
                    case "debriefs" -> debrief().id();
                    case "channels" -> channel().id();
                    // No delivery failed in this world: an administrator's retry finds none (404).
                    case "deliveries" -> Long.MAX_VALUE;
                    default -> throw new IllegalStateException("no value for {id} after " + collection);
                };
            default -> throw new IllegalStateException("no value for {" + name + "} after " + collection);
        };
    }

    /** Return the draft postmortem, owned by the owner with the co-author on it. */
    public PostmortemView postmortem() {
        if (postmortem == null) {
            PostmortemManagement postmortems = bean(PostmortemManagement.class);
            long template = postmortems.startOptions(IncidentKind.SYSTEM, Severity.SEV2).templates().stream()
                    .filter(t -> t.name().equals("Five whys analysis"))
                    .map(TemplateChoice::id)
                    .findFirst()
                    .orElseThrow();
            PostmortemView started = postmortems.start(bareIncident(), template, as(cast.owner()));
            postmortem = postmortems.addCoAuthor(started.id(), cast.coAuthor().id(), as(cast.owner()));
        }
        return postmortem;
    }

    public long postmortemId() {
        return postmortem().id();
    }

    /** Return the key of a resolved incident with no postmortem yet. */
    public String bareIncident() {
        return bean(IncidentManagement.class)
                .declare(
                        new IncidentDetails(
                                "Checkout unavailable " + unique,
                                "",
                                IncidentKind.SYSTEM,
                                Severity.SEV2,
                                "Customers could not pay for an hour.",
                                null,
                                List.of("checkout"),
                                List.of("Payments"),
                                STARTED,
                                null,
                                null,
                                null,
                                STARTED.plusSeconds(3600)),
                        cast.owner().displayName())
                .key();
    }

    public IncidentView incident() {
        return bean(IncidentManagement.class).find(postmortem().incidentKey());
    }

    public PostmortemView.Section section() {
        return bean(PostmortemManagement.class).find(postmortemId()).sections().getFirst();
    }

    /** Return the co-author's account of the postmortem: a draft, with one entry. */
    public AccountView account() {
        if (account == null) {
            account = bean(AccountManagement.class)
                    .start(
                            postmortemId(),
                            as(cast.coAuthor()),
                            "I was on call.",
                            List.of(new EntryDraft(STARTED.plusSeconds(300), EntryKind.DID, "Restarted the pods")));
        }
        return account;
    }

    /** Share the co-author's account, so everyone who reads the postmortem reads it. */
    public void shareAccount() {
        account = bean(AccountManagement.class).share(postmortemId(), account().id(), as(cast.coAuthor()), null);
    }

    public NodeView node() {
        if (node == null) {
            node = bean(FiveWhys.class)
                    .addCause(
                            postmortemId(),
                            null,
                            new WhyAnswer("The certificate expired.", List.of()),
                            as(cast.owner()));
        }
        return node;
    }

    /** Mark the why-answer as a contributing factor. */
    public void markNodeAsFactor() {
        bean(ContributingFactors.class)
                .markAnswer(postmortemId(), node().id(), new FactorInput(null, category(), ""), as(cast.owner()));
    }

    public long treeVersion() {
        return bean(FiveWhys.class).tree(postmortemId(), cast.owner().id()).version();
    }

    public long category() {
        return bean(FactorCategories.class).active().getFirst().id();
    }

    public FactorView factor() {
        if (factor == null) {
            factor = bean(ContributingFactors.class)
                    .add(
                            postmortemId(),
                            new FactorInput("Certificates are rotated by hand.", category(), ""),
                            as(cast.owner()));
        }
        return factor;
    }

    public long event() {
        if (event == null) {
            event = bean(PostmortemTimeline.class)
                    .add(
                            postmortemId(),
                            new TimelineEntry(
                                    STARTED.plusSeconds(300), "Paged the on-call", TimelineKind.ACTION, "", false),
                            cast.owner().displayName())
                    .id();
        }
        return event;
    }

    public ActionView action() {
        if (action == null) {
            action = propose("Alert before certificates expire");
        }
        return action;
    }

    public long secondAction() {
        action();
        return propose("Rotate certificates automatically").id();
    }

    private ActionView propose(String title) {
        return bean(ActionManagement.class)
                .propose(
                        postmortemId(),
                        null,
                        new org.kintsugi.action.ActionDetails(
                                title,
                                "",
                                LocalDate.now().plusDays(30),
                                org.kintsugi.action.Priority.P2,
                                org.kintsugi.action.ActionType.PREVENT,
                                "No expired certificate for a quarter"),
                        cast.owner().id(),
                        null,
                        as(cast.owner()));
    }

    /** Return an action item as the API takes it, owned by the postmortem's owner. */
    public String actionJson() {
        return "{\"title\": \"Alert before certificates expire\", \"ownerId\": "
                + cast.owner().id() + ", \"dueDate\": \"" + LocalDate.now().plusDays(30) + "\", \"type\": \"prevent\","
                + " \"verification\": \"No expired certificate for a quarter\"}";
    }

    /** Return an archive import the owner started, of one Markdown file. */
    public long importJob() {
        if (importJob == null) {
            byte[] markdown = IMPORT_MARKDOWN.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            importJob = bean(ArchiveImports.class)
                    .start(
                            List.of(new Upload("checkout.md", markdown.length, new ByteArrayResource(markdown))),
                            as(cast.owner()),
                            java.time.ZoneOffset.UTC)
                    .id();
        }
        return importJob;
    }

    /** Return a debrief of the postmortem, scheduled by its owner with the co-author facilitating. */
    public DebriefView debrief() {
        if (debrief == null) {
            debrief = bean(DebriefManagement.class)
                    .schedule(
                            postmortemId(),
                            DebriefDetails.parse(
                                    "Debrief " + unique,
                                    LocalDate.now().plusDays(30).toString(),
                                    "09:30",
                                    "Europe/Berlin",
                                    "60",
                                    "https://meet.example.org/" + unique,
                                    cast.coAuthor().id()),
                            List.of(),
                            KintsugiPrincipal.of(cast.owner()));
        }
        return debrief;
    }

    /** Return a chat channel at an address where nothing listens, so its test message fails harmlessly. */
    public ChannelView channel() {
        if (channel == null) {
            channel = bean(ChannelManagement.class)
                    .add(ChannelDetails.parse(
                            "Channel " + unique,
                            "mattermost",
                            "http://127.0.0.1:9/hooks/" + unique,
                            "all",
                            List.of(),
                            true));
        }
        return channel;
    }

    /** Return a channel as the API takes it. */
    public String channelJson() {
        return "{\"name\": \"Channel " + unique + "\", \"format\": \"slack\", \"url\": \"http://127.0.0.1:9/hooks/"
                + unique + "\", \"scope\": \"severities\", \"items\": [\"SEV1\"]}";
    }

    /** Open the debrief's room, its facilitator (the co-author) moving it to the check-in. */
    public void openDebriefRoom() {
        bean(org.kintsugi.debrief.room.RoomManagement.class)
                .moveTo(debrief().id(), "check-in", null, KintsugiPrincipal.of(cast.coAuthor()));
    }

    /** Return a card the co-author wrote in the debrief's room, which is then in the reflect phase. */
    public long debriefCard() {
        bean(org.kintsugi.debrief.room.RoomManagement.class)
                .moveTo(debrief().id(), "reflect", null, KintsugiPrincipal.of(cast.coAuthor()));
        bean(org.kintsugi.debrief.room.RoomCards.class)
                .write(
                        debrief().id(),
                        "went-well",
                        "The page reached the right person.",
                        KintsugiPrincipal.of(cast.coAuthor()));
        return bean(org.kintsugi.debrief.room.RoomReader.class)
                .read(debrief().id(), KintsugiPrincipal.of(cast.coAuthor()))
                .cards()
                .getFirst()
                .id();
    }

    /** Return a theme of the debrief's room, which is then in the vote phase. */
    public long debriefTheme() {
        var rooms = bean(org.kintsugi.debrief.room.RoomManagement.class);
        rooms.moveTo(debrief().id(), "group", null, KintsugiPrincipal.of(cast.coAuthor()));
        long theme = bean(org.kintsugi.debrief.room.RoomCards.class)
                .theme(debrief().id(), "Paging", KintsugiPrincipal.of(cast.coAuthor()));
        rooms.moveTo(debrief().id(), "vote", null, KintsugiPrincipal.of(cast.coAuthor()));
        return theme;
    }

    /** Return a debrief's schedule as the API takes it, facilitated by the co-author. */
    public String debriefJson() {
        return """
                {"postmortemId": %d, "title": "Debrief %s", "date": "%s", "time": "10:00", "zone": "Europe/Berlin",
                 "durationMinutes": 60, "meetingLink": "https://meet.example.org/%s", "facilitatorId": %d}""".formatted(
                        postmortemId(),
                        unique,
                        LocalDate.now().plusDays(31),
                        unique,
                        cast.coAuthor().id());
    }

    public long token() {
        if (token == null) {
            token = bean(TokenManagement.class)
                    .issue(cast.owner().id(), "ci")
                    .token()
                    .id();
        }
        return token;
    }

    /** Return a template other than the one the postmortems here are written from. */
    public long otherTemplate() {
        return bean(TemplateCatalogue.class).all().stream()
                .filter(t -> !t.name().equals("Five whys analysis") && !t.retired())
                .findFirst()
                .orElseThrow()
                .id();
    }

    /** Take the postmortem through review to published, so it has a first revision. */
    public void publish() {
        PostmortemManagement postmortems = bean(PostmortemManagement.class);
        PostmortemReview review = bean(PostmortemReview.class);
        long id = postmortemId();
        for (PostmortemView.Section missing : postmortems.find(id).missing()) {
            postmortems.write(id, missing.key(), missing.version(), "Written for " + missing.key() + ".", "Owner");
        }
        review.submit(id, as(cast.owner()));
        review.approve(id, as(cast.admin()), List.of(), "");
        if (postmortems.find(id).status() != org.kintsugi.postmortem.PostmortemStatus.APPROVED) {
            review.approve(id, as(cast.other()), List.of(), "");
        }
        review.publish(id, as(cast.admin()));
    }

    /** Switch GitHub on at an address where nothing listens, so tickets wait for their next try. */
    public void connectTracker() {
        TrackerConfiguration trackers = bean(TrackerConfiguration.class);
        if (!trackers.find(TrackerKind.GITHUB).enabled()) {
            trackers.change(
                    TrackerKind.GITHUB,
                    new TrackerSettingsChange(true, "http://127.0.0.1:9", null, "not-a-token", "acme/ops", null, null),
                    as(cast.admin()));
        }
    }

    /** Send the action item to GitHub, which leaves it waiting for its next try. */
    public void sendToTracker() {
        connectTracker();
        bean(TrackerSync.class).send(action().id(), TrackerKind.GITHUB, as(cast.owner()));
    }

    private <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    private static Author as(UserView person) {
        return new Author(person.id(), person.displayName());
    }
}
