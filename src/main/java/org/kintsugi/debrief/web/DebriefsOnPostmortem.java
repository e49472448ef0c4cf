package org.kintsugi.debrief.web;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kintsugi.debrief.DebriefManagement;
import org.kintsugi.debrief.DebriefView;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.postmortem.PostmortemPart;
import org.kintsugi.postmortem.PostmortemView;
import org.springframework.stereotype.Component;

/**
 * Show a postmortem's debriefs in a "Debrief" section of their own, with "Schedule a debrief" for those who write.
 * The exports leave it out: a meeting's schedule is not part of the document.
 */
@Component
class DebriefsOnPostmortem implements PostmortemPart {

    private final DebriefManagement debriefs;
    private final Clock clock;

    DebriefsOnPostmortem(DebriefManagement debriefs, Clock clock) {
        this.debriefs = debriefs;
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
        model.put("now", clock.instant());
        model.put("canWrite", viewer.canWrite());
        model.put("zone", viewer.zone());
        return Optional.of(new Fragment("debrief/fragments/postmortem :: debriefs", model));
    }

    @Override
    public String markdown(long postmortemId) {
        return "";
    }
}
