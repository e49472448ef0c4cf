package org.kintsugi.analysis.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.analysis.account.AccountManagement;
import org.kintsugi.analysis.account.AccountView;
import org.kintsugi.analysis.account.EntryDraft;
import org.kintsugi.analysis.account.EntrySaved;
import org.kintsugi.analysis.web.AccountJson.AccountRequest;
import org.kintsugi.analysis.web.AccountJson.AccountResponse;
import org.kintsugi.analysis.web.AccountJson.EntryRequest;
import org.kintsugi.analysis.web.AccountJson.EntryResponse;
import org.kintsugi.analysis.web.AccountJson.NarrativeRequest;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.postmortem.Author;
import org.kintsugi.shared.ETags;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.Parsing;
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

/**
 * The personal account API. Everyone reads the shared accounts and their own; to anyone else a draft is not found.
 * Only an account's writer changes, shares or deletes it.
 */
@RestController
@RequestMapping("/api/v1/postmortems/{id}/accounts")
@Tag(name = "Personal accounts")
class AccountApi {

    private final AccountManagement accounts;

    AccountApi(AccountManagement accounts) {
        this.accounts = accounts;
    }

    @Operation(summary = "List the accounts you may read: your own, draft or shared, and everyone's shared ones")
    @GetMapping
    List<AccountResponse> list(@PathVariable long id, @AuthenticationPrincipal KintsugiPrincipal me) {
        return accounts.list(id, me.id()).stream().map(AccountResponse::of).toList();
    }

    @Operation(summary = "Read an account: your own, or a shared one")
    @GetMapping("/{accountId}")
    ResponseEntity<AccountResponse> get(
            @PathVariable long id, @PathVariable long accountId, @AuthenticationPrincipal KintsugiPrincipal me) {
        return tagged(accounts.find(id, accountId, me.id()));
    }

    @Operation(
            summary = "Start your account, a private draft",
            description = "One account per person and postmortem; a second is refused with 409.")
    @PostMapping
    ResponseEntity<AccountResponse> start(@PathVariable long id, @RequestBody AccountRequest request, Author author) {
        List<FieldProblem> problems = new ArrayList<>();
        List<EntryRequest> given = request.entries() == null ? List.of() : request.entries();
        List<EntryDraft> entries = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            entries.add(given.get(i).draft("entries[" + i + "].", problems));
        }
        Parsing.check(problems);
        String narrative = request.narrative() == null ? "" : request.narrative();
        AccountView started = accounts.start(id, author, narrative, entries);
        return ResponseEntity.created(URI.create(path(started)))
                .eTag(ETags.of(started.version()))
                .body(AccountResponse.of(started));
    }

    @Operation(
            summary = "Replace your account's narrative",
            description = "Send If-Match with the account's ETag; a stale one gets 412 and changes nothing.")
    @PutMapping("/{accountId}")
    ResponseEntity<AccountResponse> write(
            @PathVariable long id,
            @PathVariable long accountId,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody NarrativeRequest request,
            Author author) {
        long expected = ETags.required(ifMatch, "the account");
        if (request.narrative() == null) {
            throw new InvalidInputException("narrative", "is required (send an empty string to clear it)");
        }
        return tagged(accounts.write(id, accountId, author, expected, request.narrative()));
    }

    @Operation(summary = "Delete your account while it is a draft")
    @DeleteMapping("/{accountId}")
    ResponseEntity<Void> delete(@PathVariable long id, @PathVariable long accountId, Author author) {
        accounts.delete(id, accountId, author);
        return ResponseEntity.noContent().build();
    }

    @Operation(
            summary = "Share your account",
            description = "Everyone who reads the postmortem can then read it, and its entries are on the timeline."
                    + " Only while the postmortem is a draft.")
    @PostMapping("/{accountId}/share")
    ResponseEntity<AccountResponse> share(
            @PathVariable long id,
            @PathVariable long accountId,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            Author author) {
        return tagged(accounts.share(id, accountId, author, version(ifMatch)));
    }

    @Operation(
            summary = "Take your shared account back to a private draft",
            description = "Its entries leave the timeline. Only while the postmortem is a draft.")
    @PostMapping("/{accountId}/unshare")
    ResponseEntity<AccountResponse> unshare(
            @PathVariable long id,
            @PathVariable long accountId,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            Author author) {
        return tagged(accounts.unshare(id, accountId, author, version(ifMatch)));
    }

    @Operation(summary = "List an account's entries in time order")
    @GetMapping("/{accountId}/entries")
    List<EntryResponse> entries(
            @PathVariable long id, @PathVariable long accountId, @AuthenticationPrincipal KintsugiPrincipal me) {
        return accounts.find(id, accountId, me.id()).entries().stream()
                .map(EntryResponse::of)
                .toList();
    }

    @Operation(
            summary = "Add an entry to your account",
            description = "If-Match with the account's ETag is optional; the answer carries the account's new ETag.")
    @PostMapping("/{accountId}/entries")
    ResponseEntity<EntryResponse> addEntry(
            @PathVariable long id,
            @PathVariable long accountId,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody EntryRequest request,
            Author author) {
        EntrySaved saved = accounts.addEntry(id, accountId, author, version(ifMatch), draft(request));
        return ResponseEntity.created(URI.create(
                        path(saved.account()) + "/entries/" + saved.entry().id()))
                .eTag(ETags.of(saved.account().version()))
                .body(EntryResponse.of(saved.entry()));
    }

    @Operation(
            summary = "Change an entry of your account",
            description = "If-Match with the account's ETag is optional.")
    @PutMapping("/{accountId}/entries/{entryId}")
    ResponseEntity<EntryResponse> reviseEntry(
            @PathVariable long id,
            @PathVariable long accountId,
            @PathVariable long entryId,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody EntryRequest request,
            Author author) {
        EntrySaved saved = accounts.reviseEntry(id, accountId, entryId, author, version(ifMatch), draft(request));
        return ResponseEntity.ok().eTag(ETags.of(saved.account().version())).body(EntryResponse.of(saved.entry()));
    }

    @Operation(
            summary = "Remove an entry of your account",
            description = "If-Match with the account's ETag is optional.")
    @DeleteMapping("/{accountId}/entries/{entryId}")
    ResponseEntity<Void> removeEntry(
            @PathVariable long id,
            @PathVariable long accountId,
            @PathVariable long entryId,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            Author author) {
        AccountView account = accounts.removeEntry(id, accountId, entryId, author, version(ifMatch));
        return ResponseEntity.noContent().eTag(ETags.of(account.version())).build();
    }

    private static EntryDraft draft(EntryRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        EntryDraft draft = request.draft("", problems);
        Parsing.check(problems);
        return draft;
    }

    private static @Nullable Long version(@Nullable String ifMatch) {
        var version = ETags.version(ifMatch);
        return version.isPresent() ? version.getAsLong() : null;
    }

    private static String path(AccountView account) {
        return "/api/v1/postmortems/" + account.postmortemId() + "/accounts/" + account.id();
    }

    private static ResponseEntity<AccountResponse> tagged(AccountView account) {
        return ResponseEntity.ok().eTag(ETags.of(account.version())).body(AccountResponse.of(account));
    }
}
