package org.kintsugi.debrief.web;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kintsugi.debrief.room.RoomPhase;
import org.kintsugi.debrief.room.RoomReader;
import org.kintsugi.debrief.room.RoomSummary;
import org.kintsugi.debrief.room.RoomView;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.postmortem.PostmortemTimeline;
import org.kintsugi.postmortem.TimelineItem;
import org.kintsugi.postmortem.WritingAid;
import org.kintsugi.shared.Markdown;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.ui.ModelMap;

/** Put what the room fragment shows into a page's model: the room as this person sees it, and what its phase needs. */
@Component
class RoomModel {

    private final RoomReader reader;
    private final PostmortemTimeline timelines;
    private final RoomSummary summary;
    private final List<String> editorAids;

    RoomModel(
            RoomReader reader,
            PostmortemTimeline timelines,
            RoomSummary summary,
            ObjectProvider<WritingAid> writingAids) {
        this.summary = summary;
        this.editorAids =
                writingAids.orderedStream().flatMap(a -> a.editor().stream()).toList();
        this.reader = reader;
        this.timelines = timelines;
    }

    RoomView fill(
            ModelMap model,
            long id,
            KintsugiPrincipal me,
            @Nullable Map<String, String> kept,
            @Nullable Map<String, String> errors) {
        RoomView room = reader.read(id, me);
        model.addAttribute("room", room);
        model.addAttribute("kept", kept);
        model.addAttribute("errors", errors);
        // Everyone in Kintsugi, to choose a next step's owner from: read only where that choice is on the page.
        model.addAttribute(
                "people",
                room.phase().equals(RoomPhase.ACTIONS.code()) && room.canWrite() ? reader.people() : List.of());
        model.addAttribute("nextPhase", next(room));
        model.addAttribute("nudges", room.facilitating() ? reader.nudges(id) : 0);
        model.addAttribute("noteNudges", room.facilitating() ? reader.noteNudges(id) : 0);
        // The language coach under the card being typed: its hints are for the writer's eyes, before anyone reads it.
        model.addAttribute("editorAids", editorAids);
        List<TimelineItem> timeline = room.phase().equals(RoomPhase.TIMELINE.code()) && room.postmortemId() != null
                ? timelines.timeline(room.postmortemId())
                : List.of();
        model.addAttribute("timeline", timeline);
        String markdown = room.state().equals("closed") ? summary.read(id, me) : null;
        model.addAttribute("summaryMarkdown", markdown);
        model.addAttribute("summaryHtml", markdown == null ? null : Markdown.toHtml(markdown));
        return room;
    }

    private static @Nullable String next(RoomView room) {
        if (!room.opened()) {
            return RoomPhase.CHECK_IN.code();
        }
        List<RoomView.Step> steps = room.phases();
        for (int n = 0; n < steps.size() - 1; n++) {
            if (steps.get(n).current()) {
                return steps.get(n + 1).code();
            }
        }
        return null;
    }
}
