package org.kintsugi.debrief.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kintsugi.debrief.live.RoomStreams;
import org.kintsugi.debrief.room.RoomCards;
import org.kintsugi.debrief.room.RoomDiscussion;
import org.kintsugi.debrief.room.RoomManagement;
import org.kintsugi.debrief.room.RoomNotes;
import org.kintsugi.debrief.room.RoomProposals;
import org.kintsugi.debrief.room.RoomSummary;
import org.kintsugi.debrief.room.RoomVotes;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.NotFoundException;
import org.kintsugi.shared.RefusedException;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ModelMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The room on the debrief's page: its fragment (fetched again on every change the stream announces), the stream
 * itself for the signed-in browser, and the room's forms. An htmx form gets the fragment back, with the problem and
 * the typed input when something was refused; without scripts, the page again.
 */
@Controller
class RoomPages {

    static final String FRAGMENT = "debrief/fragments/room :: room";

    private final RoomModel model;
    private final RoomManagement rooms;
    private final RoomCards cards;
    private final RoomVotes votes;
    private final RoomProposals proposals;
    private final RoomStreams streams;
    private final RoomDiscussion discussion;
    private final RoomSummary summary;
    private final RoomNotes notes;

    RoomPages(
            RoomModel model,
            RoomManagement rooms,
            RoomCards cards,
            RoomVotes votes,
            RoomProposals proposals,
            RoomStreams streams,
            RoomDiscussion discussion,
            RoomSummary summary,
            RoomNotes notes) {
        this.notes = notes;
        this.summary = summary;
        this.discussion = discussion;
        this.model = model;
        this.rooms = rooms;
        this.cards = cards;
        this.votes = votes;
        this.proposals = proposals;
        this.streams = streams;
    }

    record PhaseForm(@Nullable String phase, @Nullable Integer minutes) {}

    record SettingsForm(
            @Nullable Boolean anonymous,
            @Nullable Integer votesPerPerson,
            @Nullable Integer votesPerTheme) {}

    record HandOverForm(@Nullable Long personId) {}

    record CardForm(@Nullable String column, @Nullable String text) {}

    record ThemeForm(@Nullable String title) {}

    record NoteForm(@Nullable String text) {}

    record PlaceForm(@Nullable Long themeId) {}

    record ProposalForm(
            @Nullable String text,
            @Nullable Long ownerId,
            @Nullable String verification) {}

    @GetMapping("/debriefs/{id}/room")
    String room(@PathVariable long id, @AuthenticationPrincipal KintsugiPrincipal me, ModelMap page) {
        model.fill(page, id, me, null, null);
        return FRAGMENT;
    }

    @GetMapping(path = "/debriefs/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter events(
            @PathVariable long id,
            @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId,
            @AuthenticationPrincipal KintsugiPrincipal me) {
        return streams.open(id, lastEventId, me);
    }

    @PostMapping("/debriefs/{id}/room/phase")
    String phase(@PathVariable long id, PhaseForm form, @AuthenticationPrincipal KintsugiPrincipal me, Reply reply) {
        return reply.to(id, me, Map.of(), () -> rooms.moveTo(id, form.phase(), form.minutes(), me));
    }

    @PostMapping("/debriefs/{id}/room/settings")
    String settings(
            @PathVariable long id, SettingsForm form, @AuthenticationPrincipal KintsugiPrincipal me, Reply reply) {
        return reply.to(id, me, Map.of(), () -> {
            if (form.votesPerPerson() == null || form.votesPerTheme() == null) {
                throw new InvalidInputException("votesPerPerson", "and votes per theme are required");
            }
            rooms.configure(id, Boolean.TRUE.equals(form.anonymous()), form.votesPerPerson(), form.votesPerTheme(), me);
        });
    }

    @PostMapping("/debriefs/{id}/room/facilitator")
    String handOver(
            @PathVariable long id, HandOverForm form, @AuthenticationPrincipal KintsugiPrincipal me, Reply reply) {
        return reply.to(id, me, Map.of(), () -> {
            if (form.personId() == null) {
                throw new InvalidInputException("personId", "is required: choose someone present");
            }
            rooms.handOver(id, form.personId(), me);
        });
    }

    @PostMapping("/debriefs/{id}/room/cards")
    String write(@PathVariable long id, CardForm form, @AuthenticationPrincipal KintsugiPrincipal me, Reply reply) {
        return reply.to(
                id,
                me,
                kept("column", form.column(), "text", form.text()),
                () -> cards.write(id, form.column(), form.text(), me));
    }

    @PostMapping("/debriefs/{id}/room/cards/{cardId}/delete")
    String remove(
            @PathVariable long id,
            @PathVariable long cardId,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Reply reply) {
        return reply.to(id, me, Map.of(), () -> cards.remove(id, cardId, me));
    }

    @PostMapping("/debriefs/{id}/room/themes")
    String theme(@PathVariable long id, ThemeForm form, @AuthenticationPrincipal KintsugiPrincipal me, Reply reply) {
        return reply.to(id, me, kept("title", form.title()), () -> cards.theme(id, form.title(), me));
    }

    @PostMapping("/debriefs/{id}/room/cards/{cardId}/theme")
    String place(
            @PathVariable long id,
            @PathVariable long cardId,
            PlaceForm form,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Reply reply) {
        return reply.to(id, me, Map.of(), () -> cards.place(id, cardId, form.themeId(), me));
    }

    @PostMapping("/debriefs/{id}/room/themes/{themeId}/vote")
    String vote(
            @PathVariable long id,
            @PathVariable long themeId,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Reply reply) {
        return reply.to(id, me, Map.of(), () -> votes.vote(id, themeId, me));
    }

    @PostMapping("/debriefs/{id}/room/themes/{themeId}/unvote")
    String unvote(
            @PathVariable long id,
            @PathVariable long themeId,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Reply reply) {
        return reply.to(id, me, Map.of(), () -> votes.withdraw(id, themeId, me));
    }

    @PostMapping("/debriefs/{id}/room/themes/{themeId}/whys")
    String whys(
            @PathVariable long id,
            @PathVariable long themeId,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Reply reply) {
        return reply.to(id, me, Map.of(), () -> discussion.openWhys(id, themeId, me));
    }

    /**
     * Add a note to a theme. Its text is kept, and its problem shown, under that theme's box only
     * ({@code note-<theme>}), not under the other boxes named {@code text} that the room shows at the same time. A
     * theme that is not there answers the room as it is now (409), where the API answers 404.
     */
    @PostMapping("/debriefs/{id}/room/themes/{themeId}/notes")
    String note(
            @PathVariable long id,
            @PathVariable long themeId,
            NoteForm form,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Reply reply) {
        String box = "note-" + themeId;
        return reply.to(id, me, kept(box, form.text()), () -> {
            try {
                notes.add(id, themeId, form.text(), me);
            } catch (InvalidInputException e) {
                throw new InvalidInputException(e.problems().stream()
                        .map(p -> new FieldProblem(box, p.message()))
                        .toList());
            } catch (NotFoundException e) {
                throw RefusedException.state(e.getMessage());
            }
        });
    }

    @PostMapping("/debriefs/{id}/room/notes/{noteId}/delete")
    String removeNote(
            @PathVariable long id,
            @PathVariable long noteId,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Reply reply) {
        return reply.to(id, me, Map.of(), () -> {
            try {
                notes.remove(id, noteId, me);
            } catch (NotFoundException e) {
                // Two people taking the same note away at once: the second is shown the room as it is now.
                throw RefusedException.state(e.getMessage());
            }
        });
    }

    record SummaryForm(@Nullable String markdown, @Nullable String audience) {}

    @PostMapping("/debriefs/{id}/room/summary")
    String summary(
            @PathVariable long id, SummaryForm form, @AuthenticationPrincipal KintsugiPrincipal me, Reply reply) {
        return reply.to(id, me, kept("markdown", form.markdown()), () -> summary.edit(id, form.markdown(), me));
    }

    @PostMapping("/debriefs/{id}/room/summary/share")
    String share(@PathVariable long id, SummaryForm form, @AuthenticationPrincipal KintsugiPrincipal me, Reply reply) {
        return reply.to(
                id,
                me,
                Map.of(),
                () -> summary.share(id, form.audience(), me),
                "Shared: the summary goes out to the audience you chose.");
    }

    @PostMapping("/debriefs/{id}/room/proposals")
    String propose(
            @PathVariable long id, ProposalForm form, @AuthenticationPrincipal KintsugiPrincipal me, Reply reply) {
        Map<String, String> kept = kept(
                "text", form.text(),
                "ownerId", form.ownerId() == null ? null : form.ownerId().toString(),
                "verification", form.verification());
        return reply.to(
                id, me, kept, () -> proposals.propose(id, form.text(), form.ownerId(), form.verification(), me));
    }

    private static Map<String, String> kept(@Nullable String... pairs) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (int n = 0; n + 1 < pairs.length; n += 2) {
            kept.put(String.valueOf(pairs[n]), pairs[n + 1] == null ? "" : pairs[n + 1]);
        }
        return kept;
    }
}
