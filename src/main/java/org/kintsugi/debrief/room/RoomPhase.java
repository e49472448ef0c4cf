package org.kintsugi.debrief.room;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.kintsugi.debrief.DebriefKind;

/** The phases a facilitator moves the room through, in order; a retrospective has no timeline walk-through. */
public enum RoomPhase {
    CHECK_IN("Check-in", 5),
    TIMELINE("Timeline walk-through", 15),
    REFLECT("Reflect", 10),
    GROUP("Group", 10),
    VOTE("Vote", 5),
    DISCUSS("Discuss", 20),
    ACTIONS("Actions", 10),
    CLOSED("Closed", 0);

    private final String label;
    private final int plannedMinutes;

    RoomPhase(String label, int plannedMinutes) {
        this.label = label;
        this.plannedMinutes = plannedMinutes;
    }

    public String label() {
        return label;
    }

    /** Return the minutes a phase is planned for unless the facilitator says otherwise. */
    public int plannedMinutes() {
        return plannedMinutes;
    }

    /** Return the name the API uses, e.g. {@code check-in}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Return whether cards are still each author's own: until the reflect phase ends. */
    public boolean cardsPrivate() {
        return ordinal() <= REFLECT.ordinal();
    }

    /** Return the phases of a debrief of this kind, in order. */
    public static List<RoomPhase> of(DebriefKind kind) {
        return Arrays.stream(values())
                .filter(p -> kind == DebriefKind.INCIDENT || p != TIMELINE)
                .toList();
    }

    /** Return the phase with this code, or null when there is none. */
    public static @Nullable RoomPhase byCode(@Nullable String code) {
        return Arrays.stream(values())
                .filter(p -> p.code().equals(code))
                .findFirst()
                .orElse(null);
    }
}
