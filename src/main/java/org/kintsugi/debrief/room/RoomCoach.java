package org.kintsugi.debrief.room;

import org.jspecify.annotations.Nullable;
import org.kintsugi.analysis.PostmortemAnalysis;
import org.springframework.stereotype.Component;

/** Ask the language coach about a card or a note on a theme, for the facilitator's eyes only. */
@Component
class RoomCoach {

    private final PostmortemAnalysis analysis;

    RoomCoach(PostmortemAnalysis analysis) {
        this.analysis = analysis;
    }

    /** Return a quiet nudge when the card or note reads as blame, else null. */
    @Nullable
    String nudge(String text) {
        return analysis.blameNudge(text).orElse(null);
    }
}
