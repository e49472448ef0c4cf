package org.kintsugi.debrief.room;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.kintsugi.analysis.AnalysisText;
import org.kintsugi.analysis.PostmortemAnalysis;
import org.kintsugi.debrief.DebriefSummaryShared;
import org.kintsugi.debrief.DebriefView;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.RefusedException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The summary of a closed room: written in Markdown from what it decided (who came, the themes and their votes and
 * notes, the five-whys branches they opened, the postmortem's chosen whys paths and contributing factors, the next
 * steps with their owners), edited by the facilitator, and shared as {@link DebriefSummaryShared} for the sharing
 * module to send.
 */
@Service
@Transactional
public class RoomSummary {

    /** Characters a summary may hold. */
    public static final int LENGTH = 20_000;

    /** A Markdown heading of level 1 to 4, which nesting moves down two levels. */
    private static final Pattern HEADING = Pattern.compile("#{1,4} ");

    static final Set<String> AUDIENCES = Set.of("participants", "teams", "subscribers");

    private final RoomAccess access;
    private final RoomReader reader;
    private final RoomLog log;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final PostmortemAnalysis analysis;
    private final Clock clock;
    private final String baseUrl;

    RoomSummary(
            RoomAccess access,
            RoomReader reader,
            RoomLog log,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            PostmortemAnalysis analysis,
            Clock clock,
            @Value("${kintsugi.base-url:http://localhost:8080}") String baseUrl) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.analysis = analysis;
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
        return saved != null ? saved : written(id, me);
    }

    /**
     * Write the summary down as the room closes, so the postmortem it belongs to shows it (and exports it) from then
     * on; the facilitator's edits replace it.
     */
    void keepAtClose(long id, KintsugiPrincipal me) {
        if (saved(id) == null) {
            jdbc.sql("update debrief_rooms set summary_markdown = ? where debrief_id = ?")
                    .params(written(id, me), id)
                    .update();
        }
    }

    /** Return the summaries of a postmortem's closed debriefs, the earliest meeting first. */
    @Transactional(readOnly = true)
    public List<Attached> forPostmortem(long postmortemId) {
        return jdbc.sql("select d.id, d.title, r.summary_markdown from debriefs d"
                        + " join debrief_rooms r on r.debrief_id = d.id"
                        + " where d.postmortem_id = ? and d.state = 'CLOSED' and r.summary_markdown is not null"
                        + " order by d.starts_at, d.id")
                .param(postmortemId)
                .query((rs, n) -> new Attached(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** A closed debrief's summary as its postmortem shows it. */
    public record Attached(long debriefId, String title, String markdown) {

        /**
         * Return the summary to go under a section of the postmortem: its own top heading (the debrief's title) left
         * out, and its other headings two levels down, so they nest under the section's. Fenced code is left alone.
         */
        public String nested() {
            StringBuilder out = new StringBuilder();
            boolean fenced = false;
            boolean first = true;
            for (String line : markdown.split("\n", -1)) {
                String trimmed = line.stripLeading();
                if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
                    fenced = !fenced;
                }
                boolean heading = !fenced && HEADING.matcher(line).lookingAt();
                if (first && heading && line.startsWith("# ")) {
                    first = false;
                    continue;
                }
                if (!line.isBlank()) {
                    first = false;
                }
                out.append(heading ? "##" + line : line).append('\n');
            }
            return out.toString().strip();
        }
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

    private String written(long id, KintsugiPrincipal me) {
        RoomView room = reader.read(id, me);
        if (room.postmortemId() == null) {
            return write(room, List.of(), List.of(), baseUrl);
        }
        return write(
                room, analysis.chosenWhyPaths(room.postmortemId()), analysis.factors(room.postmortemId()), baseUrl);
    }

    /**
     * Write the summary in Markdown; links are absolute ({@code base}), as the summary is read in mail and chat too.
     */
    static String write(RoomView room, List<List<String>> whyPaths, List<AnalysisText.Factor> factors, String base) {
        StringBuilder md = new StringBuilder("# ").append(room.title()).append("\n\n## Took part\n\n");
        List<RoomView.ParticipantView> came = room.participants().stream()
                .filter(RoomView.ParticipantView::tookPart)
                .toList();
        List<RoomView.ParticipantView> away =
                room.participants().stream().filter(p -> !p.tookPart()).toList();
        if (came.isEmpty()) {
            md.append("No one came into the room.\n");
        }
        came.forEach(p -> md.append("- ").append(p.name()).append('\n'));
        if (!away.isEmpty()) {
            md.append("\n## Invited, and did not come\n\n");
            away.forEach(p -> md.append("- ").append(p.name()).append('\n'));
        }
        md.append("\n## Themes, by votes\n\n");
        for (RoomView.ThemeView t : room.themes()) {
            md.append("- **")
                    .append(t.title())
                    .append("** (")
                    .append(t.votes())
                    .append(t.votes() == 1 ? " vote" : " votes")
                    .append(')');
            if (t.whysNodeId() != null && room.postmortemId() != null) {
                md.append(" \u2014 [discussed in the five whys](")
                        .append(base)
                        .append("/postmortems/")
                        .append(room.postmortemId())
                        .append("/whys/nodes/")
                        .append(t.whysNodeId())
                        .append(')');
            }
            md.append('\n');
            t.cards().forEach(c -> md.append("  - ").append(c.text()).append('\n'));
            t.notes()
                    .forEach(n -> md.append("  - Note")
                            .append(n.author() == null ? "" : " by " + n.author())
                            .append(": ")
                            .append(indented(n.text()))
                            .append('\n'));
        }
        List<RoomView.CardView> loose =
                room.cards().stream().filter(c -> c.themeId() == null).toList();
        if (!loose.isEmpty()) {
            md.append("\n## Cards in no theme\n\n");
            loose.forEach(c -> md.append("- ").append(c.text()).append('\n'));
        }
        if (!whyPaths.isEmpty()) {
            md.append("\n## The five whys, the paths chosen\n\n");
            for (List<String> path : whyPaths) {
                md.append("- ").append(String.join(" \u2192 ", path)).append('\n');
            }
        }
        if (!factors.isEmpty()) {
            md.append("\n## Contributing factors marked\n\n");
            for (AnalysisText.Factor f : factors) {
                md.append("- ")
                        .append(f.statement())
                        .append(" (")
                        .append(f.category().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                        .append(')');
                if (f.note() != null && !f.note().isBlank()) {
                    md.append(" \u2014 ").append(f.note());
                }
                md.append('\n');
            }
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
        return bounded(md.toString(), base + "/debriefs/" + room.debriefId());
    }

    /**
     * Keep a written summary within what a summary holds ({@link #LENGTH}, as an edit is): cut at the last line that
     * fits, saying so and where the room's full record is, so a room with many long notes still closes.
     */
    static String bounded(String md, String roomLink) {
        if (md.length() <= LENGTH) {
            return md;
        }
        String more = "\n\n*The summary is cut here, at " + LENGTH + " characters: the room keeps everything, at "
                + roomLink + ".*\n";
        int cut = md.lastIndexOf('\n', LENGTH - more.length());
        return md.substring(0, Math.max(cut, 0)) + more;
    }

    /** Return a note's text with its later lines indented, so they stay within its list item. */
    private static String indented(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\n    ");
    }
}
