package org.kintsugi.postmortem.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.identity.UserManagement;
import org.kintsugi.identity.UserView;
import org.kintsugi.incident.PhaseBar;
import org.kintsugi.postmortem.PostmortemPart;
import org.kintsugi.postmortem.PostmortemStatus;
import org.kintsugi.postmortem.PostmortemView;
import org.kintsugi.postmortem.ReviewAid;
import org.kintsugi.postmortem.TimelineItem;
import org.kintsugi.postmortem.WritingAid;
import org.kintsugi.postmortem.policy.ReviewPolicy;
import org.kintsugi.postmortem.review.PostmortemReview;
import org.kintsugi.postmortem.review.ReviewView;
import org.kintsugi.postmortem.revision.PostmortemRevisions;
import org.kintsugi.shared.Limits;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Put together what a postmortem's page shows, and what the person looking at it may do there. */
@Component
class PostmortemPage {

    private final PostmortemDocuments documents;
    private final PostmortemReview review;
    private final PostmortemRevisions revisions;
    private final ReviewPolicy policy;
    private final UserManagement users;
    private final ObjectProvider<PostmortemPart> parts;
    private final ObjectProvider<ReviewAid> aids;
    private final ObjectProvider<WritingAid> writingAids;
    private final Clock clock;
    private final Limits limits;

    PostmortemPage(
            PostmortemDocuments documents,
            PostmortemReview review,
            PostmortemRevisions revisions,
            ReviewPolicy policy,
            UserManagement users,
            ObjectProvider<PostmortemPart> parts,
            ObjectProvider<ReviewAid> aids,
            ObjectProvider<WritingAid> writingAids,
            Clock clock,
            Limits limits) {
        this.documents = documents;
        this.review = review;
        this.revisions = revisions;
        this.policy = policy;
        this.users = users;
        this.parts = parts;
        this.aids = aids;
        this.writingAids = writingAids;
        this.clock = clock;
        this.limits = limits;
    }

    /** What this person may do here. */
    public record Abilities(
            boolean edit,
            boolean author,
            boolean share,
            boolean submit,
            boolean review,
            boolean publish,
            boolean amend) {

        static Abilities of(PostmortemView p, KintsugiPrincipal me) {
            boolean author = p.isAuthor(me.id());
            boolean write = me.canWrite();
            PostmortemStatus s = p.status();
            boolean inReview = s == PostmortemStatus.IN_REVIEW || s == PostmortemStatus.APPROVED;
            return new Abilities(
                    write && s == PostmortemStatus.DRAFT,
                    author,
                    write && (p.owner().id() == me.id() || me.isAdmin()),
                    write && (author || me.isAdmin()) && s == PostmortemStatus.DRAFT,
                    write && !author && inReview,
                    write && s == PostmortemStatus.APPROVED,
                    write && s == PostmortemStatus.PUBLISHED);
        }
    }

    void fill(Model model, long id, KintsugiPrincipal me) {
        fill(model, id, me, 1);
    }

    /** Fill the page showing the given page of a long timeline. */
    void fill(Model model, long id, KintsugiPrincipal me, int timelinePage) {
        PostmortemDocument doc = documents.of(id);
        TimelineWindow timeline = TimelineWindow.of(doc.lines(), timelinePage, limits.timelinePage());
        model.addAttribute("timeline", timeline);
        PostmortemView p = doc.postmortem();
        Instant now = clock.instant();
        List<ReviewView> reviews = review.reviews(id);
        model.addAttribute("doc", doc);
        model.addAttribute("p", p);
        model.addAttribute("incident", doc.incident());
        model.addAttribute("zone", me.zone());
        model.addAttribute("can", Abilities.of(p, me));
        model.addAttribute("overdue", p.overdueAt(now));
        model.addAttribute("bar", PhaseBar.of(doc.incident().lifecycle(), now));
        model.addAttribute("reviews", reviews);
        model.addAttribute("approvals", approvals(p, reviews));
        model.addAttribute("approvalsRequired", policy.approvalsRequired());
        List<String> checklist = policy.checklist();
        model.addAttribute("checklist", checklist);
        model.addAttribute("revisions", revisions.list(id));
        model.addAttribute("kinds", org.kintsugi.postmortem.TimelineKind.values());
        model.addAttribute("statuses", PostmortemStatus.values());
        model.addAttribute("people", people(p));
        Map<String, List<PostmortemPart.Fragment>> fragments = new HashMap<>();
        Map<String, String> ownSections = new LinkedHashMap<>();
        parts.orderedStream()
                .forEach(part -> part.place(p.sections())
                        .ifPresent(place -> part.render(p, me).ifPresent(f -> {
                            fragments
                                    .computeIfAbsent(place.sectionKey(), k -> new ArrayList<>())
                                    .add(f);
                            if (place.own()) {
                                ownSections.putIfAbsent(place.sectionKey(), place.ownHeading());
                            }
                        })));
        model.addAttribute("parts", fragments);
        model.addAttribute("ownSections", ownSections);
        Map<String, List<PostmortemPart.Fragment>> helps = new HashMap<>();
        if (Abilities.of(p, me).review()) {
            List<ReviewAid> all = aids.orderedStream().toList();
            for (String item : checklist) {
                for (ReviewAid aid : all) {
                    aid.render(item, p)
                            .ifPresent(f -> helps.computeIfAbsent(item, k -> new ArrayList<>())
                                    .add(f));
                }
            }
        }
        model.addAttribute("aids", helps);
        writingAids(model, p, me, timeline, reviews);
        if (!model.containsAttribute("transcript")) {
            model.addAttribute("transcript", TimelineController.TranscriptForm.blank(me.zone(), doc));
        }
        if (!model.containsAttribute("event")) {
            model.addAttribute("event", TimelineController.EventForm.blank(me.zone(), now));
        }
    }

    /**
     * Add what the writing aids show: beside every text box, and on the saved text while the postmortem can still
     * change and the person may act on it (its writers and reviewers). Once published, the text is the record everyone
     * reads, so it is shown as written; a change then starts with an amendment, whose draft is marked again. Review
     * comments are marked too (by their place in the list, {@code review-0} …), and the changes a reviewer asked for.
     */
    private void writingAids(
            Model model, PostmortemView p, KintsugiPrincipal me, TimelineWindow timeline, List<ReviewView> reviews) {
        List<WritingAid> all = writingAids.orderedStream().toList();
        model.addAttribute(
                "editorAids", all.stream().flatMap(a -> a.editor().stream()).toList());
        Map<String, List<PostmortemPart.Fragment>> sections = new HashMap<>();
        Map<String, PostmortemPart.Fragment> texts = new HashMap<>();
        if (me.canWrite() && p.status() != PostmortemStatus.PUBLISHED) {
            for (WritingAid aid : all) {
                for (PostmortemView.Section s : p.sections()) {
                    aid.underSection(s)
                            .ifPresent(f -> sections.computeIfAbsent(s.key(), k -> new ArrayList<>())
                                    .add(f));
                }
                for (TimelineLine line : timeline.lines()) {
                    TimelineItem e = line.item();
                    if (e != null && e.editable()) {
                        String id = "event-" + e.id();
                        aid.inText(id, e.description()).ifPresent(f -> texts.putIfAbsent(id, f));
                    }
                }
                for (int i = 0; i < reviews.size(); i++) {
                    String id = "review-" + i;
                    String comment = reviews.get(i).comment();
                    if (comment != null && !comment.isBlank()) {
                        aid.inText(id, comment).ifPresent(f -> texts.putIfAbsent(id, f));
                    }
                }
                if (p.changesRequested() != null && !p.changesRequested().isBlank()) {
                    aid.inText("changes-requested", p.changesRequested())
                            .ifPresent(f -> texts.putIfAbsent("changes-requested", f));
                }
            }
        }
        model.addAttribute("sectionAids", sections);
        model.addAttribute("textAids", texts);
    }

    private static long approvals(PostmortemView p, List<ReviewView> reviews) {
        return reviews.stream()
                .filter(r -> r.revision() == p.revision()
                        && r.approved()
                        && !p.isAuthor(r.reviewer().id()))
                .map(r -> r.reviewer().id())
                .distinct()
                .count();
    }

    /** Return the active people who could join as co-authors. */
    private List<UserView> people(PostmortemView p) {
        return users.all().stream()
                .filter(u -> u.active() && !p.isAuthor(u.id()) && u.role() != org.kintsugi.identity.Role.VIEWER)
                .toList();
    }
}
