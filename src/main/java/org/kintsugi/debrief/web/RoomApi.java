package org.kintsugi.debrief.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.debrief.live.RoomStreams;
import org.kintsugi.debrief.room.RoomCards;
import org.kintsugi.debrief.room.RoomDiscussion;
import org.kintsugi.debrief.room.RoomManagement;
import org.kintsugi.debrief.room.RoomNotes;
import org.kintsugi.debrief.room.RoomProposals;
import org.kintsugi.debrief.room.RoomReader;
import org.kintsugi.debrief.room.RoomSummary;
import org.kintsugi.debrief.room.RoomView;
import org.kintsugi.debrief.room.RoomVotes;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.RefusedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The room API: phases, cards, themes and their notes, votes, proposals, the facilitator's hand-over, and the event
 * stream. Every write answers the room as the caller now sees it, but for a note, which answers itself.
 */
@RestController
@RequestMapping("/api/v1/debriefs/{id}")
@Tag(name = "Debrief room")
class RoomApi {

    private final RoomManagement rooms;
    private final RoomCards cards;
    private final RoomVotes votes;
    private final RoomProposals proposals;
    private final RoomReader reader;
    private final RoomStreams streams;
    private final RoomDiscussion discussion;
    private final RoomSummary summary;
    private final RoomNotes notes;

    RoomApi(
            RoomManagement rooms,
            RoomCards cards,
            RoomVotes votes,
            RoomProposals proposals,
            RoomReader reader,
            RoomStreams streams,
            RoomDiscussion discussion,
            RoomSummary summary,
            RoomNotes notes) {
        this.notes = notes;
        this.summary = summary;
        this.discussion = discussion;
        this.rooms = rooms;
        this.cards = cards;
        this.votes = votes;
        this.proposals = proposals;
        this.reader = reader;
        this.streams = streams;
    }

    /** The phase to move to ({@code check-in}, {@code timeline}, … {@code closed}) and minutes planned for it. */
    record PhaseRequest(@Nullable String phase, @Nullable Integer minutes) {}

    /** Whether new cards are anonymous; votes each person has; votes one theme may take from one person. */
    record SettingsRequest(
            @Nullable Boolean anonymous,
            @Nullable Integer votesPerPerson,
            @Nullable Integer votesPerTheme) {}

    /** Whom to hand the facilitator's role to. */
    record HandOverRequest(@Nullable Long personId) {}

    /** A card: its column ({@code surprised}, {@code went-well}, … or {@code start}, {@code stop}, …) and text. */
    record CardRequest(@Nullable String column, @Nullable String text) {}

    /** A theme's title. */
    record ThemeRequest(@Nullable String title) {}

    /** A note on a theme: what the group said about it. */
    record NoteRequest(@Nullable String text) {}

    /** The theme a card goes into; null takes it out of any. */
    record PlaceRequest(@Nullable Long themeId) {}

    /** A next step: what, its one owner, and how we will know it worked. */
    record ProposalRequest(
            @Nullable String text,
            @Nullable Long ownerId,
            @Nullable String verification) {}

    @Operation(
            summary = "Read the room as the caller sees it",
            description = "Until the reflect phase ends, others'"
                    + " cards are counted, not shown; anonymous cards carry no author for anyone.")
    @GetMapping("/room")
    RoomView room(@PathVariable long id, @AuthenticationPrincipal KintsugiPrincipal me) {
        return reader.read(id, me);
    }

    @Operation(
            summary = "Move the room to a phase",
            description = "The facilitator or an administrator only."
                    + " A scheduled debrief opens; moving to closed closes it.")
    @PostMapping("/phase")
    RoomView phase(
            @PathVariable long id, @RequestBody PhaseRequest request, @AuthenticationPrincipal KintsugiPrincipal me) {
        rooms.moveTo(id, request.phase(), request.minutes(), me);
        return reader.read(id, me);
    }

    @Operation(
            summary = "Set anonymity and the vote limits",
            description = "The facilitator or an administrator only;" + " the vote limits stay once voting has begun.")
    @PutMapping("/room")
    RoomView settings(
            @PathVariable long id,
            @RequestBody SettingsRequest request,
            @AuthenticationPrincipal KintsugiPrincipal me) {
        RoomView now = reader.read(id, me);
        rooms.configure(
                id,
                request.anonymous() == null ? now.anonymous() : request.anonymous(),
                request.votesPerPerson() == null ? now.votesPerPerson() : request.votesPerPerson(),
                request.votesPerTheme() == null ? now.votesPerTheme() : request.votesPerTheme(),
                me);
        return reader.read(id, me);
    }

    @Operation(summary = "Hand the facilitator's role to someone present in the room")
    @PostMapping("/facilitator")
    RoomView handOver(
            @PathVariable long id,
            @RequestBody HandOverRequest request,
            @AuthenticationPrincipal KintsugiPrincipal me) {
        if (request.personId() == null) {
            throw new InvalidInputException("personId", "is required");
        }
        rooms.handOver(id, request.personId(), me);
        return reader.read(id, me);
    }

    @Operation(summary = "List the cards the caller may see")
    @GetMapping("/cards")
    List<RoomView.CardView> cards(@PathVariable long id, @AuthenticationPrincipal KintsugiPrincipal me) {
        return reader.read(id, me).cards();
    }

    @Operation(
            summary = "Write a card",
            description = "In the reflect phase; at most " + RoomCards.CARDS_PER_PERSON
                    + " cards per person of at most " + RoomCards.CARD_LENGTH + " characters.")
    @PostMapping("/cards")
    ResponseEntity<RoomView> write(
            @PathVariable long id, @RequestBody CardRequest request, @AuthenticationPrincipal KintsugiPrincipal me) {
        cards.write(id, request.column(), request.text(), me);
        return ResponseEntity.status(HttpStatus.CREATED).body(reader.read(id, me));
    }

    @Operation(summary = "Change one's own card", description = "Its author only, in the reflect phase.")
    @PutMapping("/cards/{cardId}")
    RoomView revise(
            @PathVariable long id,
            @PathVariable long cardId,
            @RequestBody CardRequest request,
            @AuthenticationPrincipal KintsugiPrincipal me) {
        cards.revise(id, cardId, request.column(), request.text(), me);
        return reader.read(id, me);
    }

    @Operation(summary = "Take back one's own card", description = "Its author only, in the reflect phase.")
    @DeleteMapping("/cards/{cardId}")
    RoomView remove(@PathVariable long id, @PathVariable long cardId, @AuthenticationPrincipal KintsugiPrincipal me) {
        cards.remove(id, cardId, me);
        return reader.read(id, me);
    }

    @Operation(summary = "Put a card into a theme", description = "In the group phase; themeId null takes it out.")
    @PutMapping("/cards/{cardId}/theme")
    RoomView place(
            @PathVariable long id,
            @PathVariable long cardId,
            @RequestBody PlaceRequest request,
            @AuthenticationPrincipal KintsugiPrincipal me) {
        cards.place(id, cardId, request.themeId(), me);
        return reader.read(id, me);
    }

    @Operation(summary = "List the themes with their cards and votes")
    @GetMapping("/themes")
    List<RoomView.ThemeView> themes(@PathVariable long id, @AuthenticationPrincipal KintsugiPrincipal me) {
        return reader.read(id, me).themes();
    }

    @Operation(summary = "Start a theme", description = "In the group phase; at most " + RoomCards.THEMES + ".")
    @PostMapping("/themes")
    ResponseEntity<RoomView> theme(
            @PathVariable long id, @RequestBody ThemeRequest request, @AuthenticationPrincipal KintsugiPrincipal me) {
        cards.theme(id, request.title(), me);
        return ResponseEntity.status(HttpStatus.CREATED).body(reader.read(id, me));
    }

    @Operation(
            summary = "Put one of the caller's votes on a theme",
            description = "In the vote phase; 409 naming the"
                    + " limit when the caller has used their votes, or put as many on this theme as one may take.")
    @PostMapping("/themes/{themeId}/votes")
    RoomView vote(@PathVariable long id, @PathVariable long themeId, @AuthenticationPrincipal KintsugiPrincipal me) {
        votes.vote(id, themeId, me);
        return reader.read(id, me);
    }

    @Operation(summary = "Take back one of the caller's votes on a theme")
    @DeleteMapping("/themes/{themeId}/votes")
    RoomView withdraw(
            @PathVariable long id, @PathVariable long themeId, @AuthenticationPrincipal KintsugiPrincipal me) {
        votes.withdraw(id, themeId, me);
        return reader.read(id, me);
    }

    @Operation(
            summary = "Open a branch of the postmortem's five whys with a theme",
            description =
                    "In the discuss"
                            + " phase of a debrief of a postmortem in draft; a theme that has a branch already answers it again.")
    @PostMapping("/themes/{themeId}/whys")
    RoomView whys(@PathVariable long id, @PathVariable long themeId, @AuthenticationPrincipal KintsugiPrincipal me) {
        discussion.openWhys(id, themeId, me);
        return reader.read(id, me);
    }

    @Operation(
            summary = "List the notes on a theme, in the order written",
            description = "A note written while the room was anonymous carries no author for anyone.")
    @GetMapping("/themes/{themeId}/notes")
    List<RoomView.NoteView> notes(
            @PathVariable long id, @PathVariable long themeId, @AuthenticationPrincipal KintsugiPrincipal me) {
        return notes.notes(id, themeId, me);
    }

    @Operation(
            summary = "Write down what the group said about a theme",
            description = "In the discuss and actions phases; at most " + RoomNotes.NOTE_LENGTH
                    + " characters. Answers the note as the caller sees it.")
    @PostMapping("/themes/{themeId}/notes")
    ResponseEntity<RoomView.NoteView> note(
            @PathVariable long id,
            @PathVariable long themeId,
            @RequestBody NoteRequest request,
            @AuthenticationPrincipal KintsugiPrincipal me) {
        long noteId = notes.add(id, themeId, request.text(), me);
        RoomView.NoteView note = notes.notes(id, themeId, me).stream()
                .filter(n -> n.id() == noteId)
                .findFirst()
                .orElseThrow(() -> RefusedException.state(
                        "The note " + noteId + " was saved and taken away again before it could be read back."));
        return ResponseEntity.status(HttpStatus.CREATED).body(note);
    }

    @Operation(
            summary = "Take a note away",
            description = "Its writer, or the facilitator or an administrator, in the discuss and actions phases; 404"
                    + " when it is gone already.")
    @DeleteMapping("/themes/{themeId}/notes/{noteId}")
    ResponseEntity<Void> removeNote(
            @PathVariable long id,
            @PathVariable long themeId,
            @PathVariable long noteId,
            @AuthenticationPrincipal KintsugiPrincipal me) {
        notes.remove(id, themeId, noteId, me);
        return ResponseEntity.noContent().build();
    }

    /** A summary in Markdown. */
    record SummaryBody(@Nullable String markdown) {}

    /** Whom to share the summary with: participants, teams or subscribers. */
    record ShareRequest(@Nullable String audience) {}

    @Operation(
            summary = "Read the summary of a closed room",
            description = "Written from what the room decided" + " until the facilitator edits it.")
    @GetMapping("/summary")
    SummaryBody summary(@PathVariable long id, @AuthenticationPrincipal KintsugiPrincipal me) {
        return new SummaryBody(summary.read(id, me));
    }

    @Operation(
            summary = "Edit the summary of a closed room",
            description =
                    "The facilitator or an administrator" + " only; at most " + RoomSummary.LENGTH + " characters.")
    @PutMapping("/summary")
    SummaryBody editSummary(
            @PathVariable long id, @RequestBody SummaryBody request, @AuthenticationPrincipal KintsugiPrincipal me) {
        summary.edit(id, request.markdown(), me);
        return new SummaryBody(summary.read(id, me));
    }

    @Operation(
            summary = "Share the summary",
            description = "The facilitator or an administrator only; audience"
                    + " participants, teams or subscribers. Published for the sharing module to send.")
    @PostMapping("/summary/share")
    ResponseEntity<Void> share(
            @PathVariable long id, @RequestBody ShareRequest request, @AuthenticationPrincipal KintsugiPrincipal me) {
        summary.share(id, request.audience(), me);
        return ResponseEntity.accepted().build();
    }

    @Operation(summary = "List the next steps proposed")
    @GetMapping("/proposals")
    List<RoomView.ProposalView> proposals(@PathVariable long id, @AuthenticationPrincipal KintsugiPrincipal me) {
        return reader.read(id, me).proposals();
    }

    @Operation(
            summary = "Propose a next step with one owner",
            description = "In the actions phase. A debrief of a"
                    + " postmortem proposes it as an action item of the postmortem.")
    @PostMapping("/proposals")
    ResponseEntity<RoomView> propose(
            @PathVariable long id,
            @RequestBody ProposalRequest request,
            @AuthenticationPrincipal KintsugiPrincipal me) {
        proposals.propose(id, request.text(), request.ownerId(), request.verification(), me);
        return ResponseEntity.status(HttpStatus.CREATED).body(reader.read(id, me));
    }

    @Operation(
            summary = "Stream the room's changes (Server-Sent Events)",
            description = "Each event has an id, the"
                    + " name room and what changed as data; with Last-Event-ID, every change after it is sent first. A"
                    + " heartbeat comment comes every 15 seconds. 429 names the limit when too many streams are open.")
    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(
            @PathVariable long id,
            @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId,
            @AuthenticationPrincipal KintsugiPrincipal me) {
        return streams.open(id, lastEventId, me);
    }
}
