package org.kintsugi.sharing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kintsugi.identity.UserManagement;
import org.kintsugi.identity.UserView;
import org.kintsugi.shared.Mailer;
import org.kintsugi.shared.NotFoundException;
import org.kintsugi.sharing.Learning;
import org.kintsugi.sharing.SubscriptionManagement;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Atom feed of published postmortems, read by feed readers that have no session: the person's feed token in the
 * address is the key. Without a token the answer is 401, with one no one has (or a deactivated person's) 404.
 */
@RestController
@Tag(name = "Sharing")
class FeedController {

    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    private final SubscriptionManagement subscriptions;
    private final UserManagement users;
    private final Learning learning;
    private final PostmortemFeed feed;
    private final Mailer mailer;

    FeedController(
            SubscriptionManagement subscriptions,
            UserManagement users,
            Learning learning,
            PostmortemFeed feed,
            Mailer mailer) {
        this.subscriptions = subscriptions;
        this.users = users;
        this.learning = learning;
        this.feed = feed;
        this.mailer = mailer;
    }

    @Operation(
            summary = "The Atom feed of published postmortems",
            description = "RFC 4287, the latest " + Learning.FEED_ENTRIES + " postmortems. token: your feed token"
                    + " (GET /api/v1/sharing/subscription); no session needed.")
    @GetMapping(value = "/feeds/postmortems.atom", produces = "application/atom+xml")
    ResponseEntity<String> postmortems(@RequestParam(required = false) @Nullable String token) {
        if (token == null || token.isBlank()) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .contentType(MediaType.TEXT_PLAIN)
                    .body("The feed needs your feed token: ?token=… (see your subscriptions in Kintsugi).");
        }
        Optional<UserView> person = subscriptions.personWithFeedToken(token).flatMap(id -> active(id));
        if (person.isEmpty()) {
            throw new NotFoundException("No feed has this token; it may have been replaced by a new one.");
        }
        String self =
                mailer.baseUrl() + "/feeds/postmortems.atom?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(ATOM)
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(feed.write(learning.latest(), self));
    }

    private Optional<UserView> active(long id) {
        try {
            UserView user = users.find(id);
            return user.active() ? Optional.of(user) : Optional.empty();
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }
}
