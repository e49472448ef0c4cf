package org.kintsugi.debrief.room;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kintsugi.debrief.DebriefSummaryShared;
import org.kintsugi.debrief.DebriefView;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.RefusedException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The summary of a closed room: written in Markdown from what it decided (who came, the themes and their votes, the
 * five-whys branches, the next steps with their owners), edited by the facilitator, and shared as
 * {@link DebriefSummaryShared} for the sharing module to send.
 */
@Service
@Transactional
public class RoomSummary {

    /** Characters a summary may hold. */
    public static final int LENGTH = 20_000;

    static final Set<String> AUDIENCES = Set.of("participants", "teams", "subscribers");

    private final RoomAccess access;
    private final RoomReader reader;
    private final RoomLog log;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RoomSummary(
            RoomAccess access,
            RoomReader reader,
            RoomLog log,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            Clock clock) {
        this.access = access;
        this.reader = reader;
        this.log = log;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Return the summary of a closed room, written from what it decided unless the facilitator edited it. */
    @Transactional(readOnly = true)
    public String read(long id, KintsugiPrincipal me) {
        closed(access.entering(id, me));
        String saved = saved(id);
        return saved != null ? saved : write(reader.read(id, me));
    }

    /** Replace the summary with the facilitator's edit. */
    public void edit(long id, @Nullable String markdown, KintsugiPrincipal me) {
        closed(access.facilitating(id, me));
        String text = markdown == null ? "" : markdown.strip();
        if (text.isEmpty() || text.length() > LENGTH) {
            throw new InvalidInputException("markdown", "must be 1 to " + LENGTH + " characters");
        }
        jdbc.sql("update debrief_rooms set summary_markdown = ? where debrief_id = ?")
                .params(text, id)
                .update();
        log.append(id, "summary");
    }

    /** Share the summary with an audience; the sharing module sends it after this commits. */
    public void share(long id, @Nullable String audience, KintsugiPrincipal me) {
        DebriefView debrief = closed(access.facilitating(id, me));
        if (audience == null || !AUDIENCES.contains(audience)) {
            throw new InvalidInputException("audience", "must be participants, teams or subscribers");
        }
        List<String> emails =
                debrief.invitees().stream().map(DebriefView.InviteeView::email).toList();
        events.publishEvent(new DebriefSummaryShared(
                id, debrief.postmortemId(), debrief.title(), read(id, me), audience, emails, clock.instant()));
    }

    private DebriefView closed(DebriefView debrief) {
        if (!debrief.state().code().equals("closed")) {
            throw RefusedException.state("The summary is written once the room is closed.");
        }
        return debrief;
    }

    private @Nullable String saved(long id) {
        return jdbc.sql("select summary_markdown from debrief_rooms where debrief_id = ?")
                .param(id)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    static String write(RoomView room) {
        StringBuilder md = new StringBuilder("# ").append(room.title()).append("\n\n## Invited to the room\n\n");
        room.participants().forEach(p -> md.append("- ").append(p.name()).append('\n'));
        md.append("\n## Themes, by votes\n\n");
        for (RoomView.ThemeView t : room.themes()) {
            md.append("- **")
                    .append(t.title())
                    .append("** (")
                    .append(t.votes())
                    .append(t.votes() == 1 ? " vote" : " votes")
                    .append(')');
            if (t.whysNodeId() != null && room.postmortemId() != null) {
                md.append(" \u2014 five whys: /postmortems/")
                        .append(room.postmortemId())
                        .append("/whys/nodes/")
                        .append(t.whysNodeId());
            }
            md.append('\n');
            t.cards().forEach(c -> md.append("  - ").append(c.text()).append('\n'));
        }
        List<RoomView.CardView> loose =
                room.cards().stream().filter(c -> c.themeId() == null).toList();
        if (!loose.isEmpty()) {
            md.append("\n## Cards in no theme\n\n");
            loose.forEach(c -> md.append("- ").append(c.text()).append('\n'));
        }
        md.append("\n## Next steps\n\n");
        if (room.proposals().isEmpty()) {
            md.append("None proposed.\n");
        }
        room.proposals()
                .forEach(p -> md.append("- ")
                        .append(p.text())
                        .append(" \u2014 owner: ")
                        .append(p.ownerName())
                        .append(p.actionId() == null ? "" : " (action item " + p.actionId() + ")")
                        .append('\n'));
        return md.toString();
    }
}
