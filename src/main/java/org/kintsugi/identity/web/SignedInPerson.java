package org.kintsugi.identity.web;

import org.jspecify.annotations.Nullable;
import org.kintsugi.identity.KintsugiPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Give every page the signed-in person as {@code me} (absent on the sign-in and set-up pages). */
@ControllerAdvice
class SignedInPerson {

    @ModelAttribute("me")
    @Nullable
    KintsugiPrincipal me(@AuthenticationPrincipal @Nullable KintsugiPrincipal me) {
        return me;
    }
}
