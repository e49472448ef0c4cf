package org.kintsugi.sharing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.shared.ETags;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.sharing.ChannelDetails;
import org.kintsugi.sharing.ChannelManagement;
import org.kintsugi.sharing.ChannelView;
import org.kintsugi.sharing.DeliveryState;
import org.kintsugi.sharing.DeliveryView;
import org.kintsugi.sharing.Scope;
import org.kintsugi.sharing.SubscriptionManagement;
import org.kintsugi.sharing.SubscriptionView;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sharing API: chat channels and their deliveries (administrators only, see the security configuration), and
 * each person's own subscription.
 */
@RestController
@RequestMapping("/api/v1/sharing")
@Tag(name = "Sharing")
class SharingApi {

    private final ChannelManagement channels;
    private final SubscriptionManagement subscriptions;

    SharingApi(ChannelManagement channels, SubscriptionManagement subscriptions) {
        this.channels = channels;
        this.subscriptions = subscriptions;
    }

    /**
     * A channel as a client sends it: {@code format} slack, mattermost or teams; {@code url} the incoming webhook
     * (http or https, at most 2,000 characters; left out on a change to keep it); {@code scope} all, severities, teams
     * or services, with the chosen {@code items} (at most 50).
     */
    record ChannelRequest(
            @Nullable String name,
            @Nullable String format,
            @Nullable String url,
            @Nullable String scope,
            @Nullable List<String> items) {

        ChannelDetails details(boolean urlRequired) {
            return ChannelDetails.parse(name, format, url, scope, items, urlRequired);
        }
    }

    /** What a person wants mailed: {@code scope} none, all, severities, teams or services, with {@code items}. */
    record SubscriptionRequest(
            @Nullable String scope, @Nullable List<String> items) {}

    @Operation(summary = "List the chat channels announcements go to")
    @GetMapping("/channels")
    List<ChannelView> channels() {
        return channels.list();
    }

    @Operation(
            summary = "Add a chat channel",
            description = "An incoming webhook in Slack, Mattermost or Microsoft Teams (Workflows) format; at most "
                    + ChannelManagement.MAX_CHANNELS + " channels.")
    @PostMapping("/channels")
    ResponseEntity<ChannelView> add(@RequestBody ChannelRequest request) {
        ChannelView added = channels.add(request.details(true));
        return ResponseEntity.created(URI.create("/api/v1/sharing/channels/" + added.id()))
                .eTag(ETags.of(added.version()))
                .body(added);
    }

    @Operation(summary = "Read a chat channel")
    @GetMapping("/channels/{id}")
    ResponseEntity<ChannelView> channel(@PathVariable long id) {
        return tagged(channels.find(id));
    }

    @Operation(
            summary = "Change a chat channel",
            description = "The whole channel; without url the stored address is kept. If-Match required.")
    @PutMapping("/channels/{id}")
    ResponseEntity<ChannelView> change(
            @PathVariable long id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody ChannelRequest request) {
        long expected = ETags.required(ifMatch, "the channel");
        return tagged(channels.change(id, expected, request.details(false)));
    }

    @Operation(
            summary = "Remove a chat channel",
            description = "What it was still to be sent is dropped. If-Match is checked when sent.")
    @DeleteMapping("/channels/{id}")
    ResponseEntity<Void> remove(
            @PathVariable long id, @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        Long expected =
                ETags.version(ifMatch).isPresent() ? ETags.version(ifMatch).getAsLong() : null;
        channels.remove(id, expected);
        return ResponseEntity.noContent().build();
    }

    @Operation(
            summary = "Send a test message to a chat channel",
            description = "Sent at once, outside the outbox; the answer says whether the channel took it.")
    @PostMapping("/channels/{id}/test")
    ChannelManagement.TestResult test(@PathVariable long id) {
        return channels.test(id);
    }

    @Operation(
            summary = "List deliveries to channels and subscribers",
            description = "The newest first, at most 500; state pending, failed or sent (all when left out).")
    @GetMapping("/deliveries")
    List<DeliveryView> deliveries(@RequestParam(required = false) @Nullable String state) {
        return channels.deliveries(state == null || state.isBlank() ? null : state(state));
    }

    @Operation(summary = "Try a failed delivery again now")
    @PostMapping("/deliveries/{id}/retry")
    ResponseEntity<Void> retry(@PathVariable long id) {
        channels.retry(id);
        return ResponseEntity.accepted().build();
    }

    @Operation(summary = "Read your own subscription and feed token")
    @GetMapping("/subscription")
    ResponseEntity<SubscriptionView> subscription(@AuthenticationPrincipal KintsugiPrincipal me) {
        SubscriptionView mine = subscriptions.of(me.id());
        return ResponseEntity.ok().eTag(ETags.of(mine.version())).body(mine);
    }

    @Operation(
            summary = "Choose what you are mailed",
            description = "scope none, all, severities (SEV1–SEV4), teams or services, with items (at most "
                    + Scope.MAX_ITEMS + "). If-Match is checked when sent.")
    @PutMapping("/subscription")
    ResponseEntity<SubscriptionView> subscribe(
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody SubscriptionRequest request,
            @AuthenticationPrincipal KintsugiPrincipal me) {
        if (request.scope() == null) {
            throw new InvalidInputException("scope", "is required: none, all, severities, teams or services");
        }
        Long expected =
                ETags.version(ifMatch).isPresent() ? ETags.version(ifMatch).getAsLong() : null;
        SubscriptionView mine = subscriptions.change(
                me.id(), expected, request.scope(), request.items() == null ? List.of() : request.items());
        return ResponseEntity.ok().eTag(ETags.of(mine.version())).body(mine);
    }

    @Operation(
            summary = "Give your feed a new token",
            description = "The old address of your Atom feed stops working at once.")
    @PostMapping("/subscription/feed-token")
    SubscriptionView newFeedToken(@AuthenticationPrincipal KintsugiPrincipal me) {
        return subscriptions.newFeedToken(me.id());
    }

    private static DeliveryState state(String state) {
        try {
            return DeliveryState.valueOf(state.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("state", "is \"" + state + "\": pending, failed or sent");
        }
    }

    private static ResponseEntity<ChannelView> tagged(ChannelView channel) {
        return ResponseEntity.ok().eTag(ETags.of(channel.version())).body(channel);
    }
}
