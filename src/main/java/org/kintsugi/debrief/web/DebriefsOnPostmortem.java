package org.kintsugi.debrief.web;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.kintsugi.debrief.DebriefManagement;
import org.kintsugi.debrief.DebriefView;
import org.kintsugi.debrief.room.RoomSummary;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.postmortem.PostmortemPart;
import org.kintsugi.postmortem.PostmortemView;
import org.kintsugi.shared.Markdown;
import org.springframework.stereotype.Component;

/**
 * Show a postmortem's debriefs in a "Debrief" section of their own, with "Schedule a debrief" for those who write, and
 * the summary of each closed one, as its facilitator left it. The exports carry the summaries and leave the schedule
 * out: a meeting's time is not part of the document, what it decided is.
 */
@Component
class DebriefsOnPostmortem implements PostmortemPart {

    private final DebriefManagement debriefs;
    private final RoomSummary summaries;
    private final Clock clock;

    DebriefsOnPostmortem(DebriefManagement debriefs, RoomSummary summaries, Clock clock) {
        this.debriefs = debriefs;
        this.summaries = summaries;
        this.clock = clock;
    }

    @Override
    public String sectionKey() {
        return "debrief";
    }

    @Override
    public Optional<String> ownSectionHeading() {
        return Optional.of("Debrief");
    }

    @Override
    public Optional<Fragment> render(PostmortemView postmortem, KintsugiPrincipal viewer) {
        List<DebriefView> list = debriefs.forPostmortem(postmortem.id());
        Map<String, Object> model = new HashMap<>();
        model.put("postmortemId", postmortem.id());
        model.put("debriefs", list);
        model.put(
                "summaries",
                summaries.forPostmortem(postmortem.id()).stream()
                        .map(s -> new ShownSummary(s.debriefId(), s.title(), Markdown.toHtml(s.nested())))
                        .toList());
        model.put("now", clock.instant());
        model.put("canWrite", viewer.canWrite());
        model.put("zone", viewer.zone());
        return Optional.of(new Fragment("debrief/fragments/postmortem :: debriefs", model));
    }

    @Override
    public String markdown(long postmortemId) {
        return summaries.forPostmortem(postmortemId).stream()
                .map(s -> "### Summary of the debrief \u201c" + s.title() + "\u201d\n\n" + s.nested())
                .collect(Collectors.joining("\n\n"));
    }

    /** A closed debrief's summary, rendered and sanitised for the page. */
    record ShownSummary(long debriefId, String title, String html) {}
}
