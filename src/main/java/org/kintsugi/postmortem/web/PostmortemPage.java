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
import org.kintsugi.postmortem.PostmortemReview;
import org.kintsugi.postmortem.PostmortemStatus;
import org.kintsugi.postmortem.PostmortemView;
import org.kintsugi.postmortem.ReviewAid;
import org.kintsugi.postmortem.ReviewPolicy;
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
            Clock clock,
            Limits limits) {
        this.documents = documents;
        this.review = review;
        this.revisions = revisions;
        this.policy = policy;
        this.users = users;
        this.parts = parts;
        this.aids = aids;
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
        model.addAttribute("timeline", TimelineWindow.of(doc.lines(), timelinePage, limits.timelinePage()));
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
        if (!model.containsAttribute("transcript")) {
            model.addAttribute("transcript", TimelineController.TranscriptForm.blank(me.zone(), doc));
        }
        if (!model.containsAttribute("event")) {
            model.addAttribute("event", TimelineController.EventForm.blank(me.zone(), now));
        }
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
