package org.kintsugi.debrief.room;

import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.kintsugi.debrief.DebriefView;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.LimitExceededException;
import org.kintsugi.shared.NotFoundException;
import org.kintsugi.shared.RefusedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Write cards in the reflect phase (each person's own until the phase ends) and sort them into themes in the group
 * phase. A card is changed or taken back by its author only.
 */
@Service
@Transactional
public class RoomCards {

    /** Characters one card may hold. */
    public static final int CARD_LENGTH = 500;

    /** Cards one person may write in one debrief. */
    public static final int CARDS_PER_PERSON = 30;

    /** Characters of a theme's title. */
    public static final int THEME_LENGTH = 200;

    /** Themes one debrief may have. */
    public static final int THEMES = 40;

    private final RoomAccess access;
    private final RoomStore store;
    private final RoomLog log;
    private final RoomCoach coach;
    private final Clock clock;

    RoomCards(RoomAccess access, RoomStore store, RoomLog log, RoomCoach coach, Clock clock) {
        this.access = access;
        this.store = store;
        this.log = log;
        this.coach = coach;
        this.clock = clock;
    }

    /** Write a card in a column; anonymous when the facilitator chose so. Return its id. */
    public long write(long id, @Nullable String column, @Nullable String text, KintsugiPrincipal me) {
        DebriefView debrief = access.writing(id, me);
        Room room = inPhase(debrief, RoomPhase.REFLECT, "Cards are written in the reflect phase");
        String key = column(debrief, column);
        String checked = text(text);
        int held = store.cardCount(id, me.id());
        if (held >= CARDS_PER_PERSON) {
            throw new LimitExceededException(
                    LimitExceededException.Kind.FULL,
                    "text",
                    "debrief-cards-per-person",
                    CARDS_PER_PERSON,
                    "You have written " + held + " cards in this debrief; one more is more than one person may");
        }
        long card = store.addCard(id, me.id(), room.anonymous(), key, checked, clock.instant());
        store.coachCard(card, coach.nudge(checked));
        log.append(id, "card");
        return card;
    }

    /** Change one's own card while the reflect phase lasts. */
    public void revise(long id, long cardId, @Nullable String column, @Nullable String text, KintsugiPrincipal me) {
        DebriefView debrief = access.writing(id, me);
        own(id, cardId, me);
        inPhase(debrief, RoomPhase.REFLECT, "Cards are changed in the reflect phase");
        String checked = text(text);
        store.reviseCard(cardId, column(debrief, column), checked, clock.instant());
        store.coachCard(cardId, coach.nudge(checked));
        log.append(id, "card");
    }

    /** Take back one's own card while the reflect phase lasts. */
    public void remove(long id, long cardId, KintsugiPrincipal me) {
        DebriefView debrief = access.writing(id, me);
        own(id, cardId, me);
        inPhase(debrief, RoomPhase.REFLECT, "Cards are taken back in the reflect phase");
        store.removeCard(cardId);
        log.append(id, "card");
    }

    /** Start a theme in the group phase; return its id. */
    public long theme(long id, @Nullable String title, KintsugiPrincipal me) {
        DebriefView debrief = access.writing(id, me);
        inPhase(debrief, RoomPhase.GROUP, "Themes are made in the group phase");
        String checked = title == null ? "" : title.strip();
        if (checked.isEmpty() || checked.length() > THEME_LENGTH) {
            throw new InvalidInputException("title", "must be 1 to " + THEME_LENGTH + " characters");
        }
        if (store.themes(id).size() >= THEMES) {
            throw new LimitExceededException(
                    LimitExceededException.Kind.FULL,
                    "title",
                    "debrief-themes",
                    THEMES,
                    "This debrief has " + THEMES + " themes; sort the cards into those");
        }
        long theme = store.addTheme(id, checked, clock.instant());
        log.append(id, "theme");
        return theme;
    }

    /** Put a card into a theme, or back among the unsorted ones when {@code themeId} is null. */
    public void place(long id, long cardId, @Nullable Long themeId, KintsugiPrincipal me) {
        DebriefView debrief = access.writing(id, me);
        inPhase(debrief, RoomPhase.GROUP, "Cards are sorted into themes in the group phase");
        store.card(id, cardId).orElseThrow(() -> new NotFoundException("There is no card " + cardId + " here."));
        if (themeId != null && store.themes(id).stream().noneMatch(t -> t.id() == themeId)) {
            throw new InvalidInputException("themeId", "is not a theme of this debrief");
        }
        store.placeCard(cardId, themeId);
        log.append(id, "card");
    }

    private void own(long id, long cardId, KintsugiPrincipal me) {
        RoomStore.Card card = store.card(id, cardId)
                .orElseThrow(() -> new NotFoundException("There is no card " + cardId + " here."));
        if (card.authorId() != me.id()) {
            throw RefusedException.person("Only the author of a card may change or take it back.");
        }
    }

    private Room inPhase(DebriefView debrief, RoomPhase phase, String what) {
        Room room = store.room(debrief.id()).orElseThrow(() -> RoomManagement.notOpen(debrief));
        if (room.phase() != phase) {
            throw RefusedException.state(
                    what + "; the room is in " + room.phase().label().toLowerCase() + ".");
        }
        return room;
    }

    private static String column(DebriefView debrief, @Nullable String column) {
        return RoomColumns.of(debrief.kind()).stream()
                .filter(c -> c.key().equals(column))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        "column",
                        "must be one of "
                                + String.join(
                                        ", ",
                                        RoomColumns.of(debrief.kind()).stream()
                                                .map(RoomColumns.Column::key)
                                                .toList())))
                .key();
    }

    private static String text(@Nullable String text) {
        String checked = text == null ? "" : text.strip();
        if (checked.isEmpty()) {
            throw new InvalidInputException("text", "is empty: write what you noticed");
        }
        if (checked.length() > CARD_LENGTH) {
            throw new InvalidInputException(
                    "text", "is " + checked.length() + " characters: a card holds at most " + CARD_LENGTH);
        }
        return checked;
    }
}
