package org.kintsugi.debrief.room;

import java.util.List;
import org.kintsugi.debrief.DebriefKind;

/** The columns cards are written in: an incident's four questions, or a retrospective's start/stop/keep/metrics. */
public final class RoomColumns {

    private static final List<Column> INCIDENT = List.of(
            new Column("surprised", "What surprised us"),
            new Column("went-well", "What went well"),
            new Column("went-wrong", "What went wrong"),
            new Column("lucky", "Where we got lucky"));

    private static final List<Column> RETROSPECTIVE = List.of(
            new Column("start", "Start"),
            new Column("stop", "Stop"),
            new Column("keep", "Keep"),
            new Column("metrics", "Metrics"));

    private RoomColumns() {}

    /** A column: the key the API uses and the question people read. */
    public record Column(String key, String label) {}

    /** Return the columns of a debrief of this kind. */
    public static List<Column> of(DebriefKind kind) {
        return kind == DebriefKind.INCIDENT ? INCIDENT : RETROSPECTIVE;
    }
}
