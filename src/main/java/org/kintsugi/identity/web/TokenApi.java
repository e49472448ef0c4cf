package org.kintsugi.identity.web;

import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.identity.IssuedToken;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.identity.TokenManagement;
import org.kintsugi.identity.TokenView;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Personal API tokens of the caller: issue (secret shown once), list, revoke. */
@RestController
@RequestMapping("/api/v1/tokens")
class TokenApi {

    private final TokenManagement tokens;

    TokenApi(TokenManagement tokens) {
        this.tokens = tokens;
    }

    @PostMapping
    ResponseEntity<IssuedToken> issue(@AuthenticationPrincipal KintsugiPrincipal me, @RequestBody NewToken request) {
        IssuedToken issued = tokens.issue(me.id(), request.name() == null ? "" : request.name());
        return ResponseEntity.created(
                        URI.create("/api/v1/tokens/" + issued.token().id()))
                .body(issued);
    }

    @GetMapping
    List<TokenView> list(@AuthenticationPrincipal KintsugiPrincipal me) {
        return tokens.of(me.id());
    }

    @DeleteMapping("/{id}")
    TokenView revoke(@AuthenticationPrincipal KintsugiPrincipal me, @PathVariable long id) {
        return tokens.revoke(me.id(), id);
    }

    record NewToken(@Nullable String name) {}
}
