package org.kintsugi.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Tell a person whose form lost a race at the database — two saves of the same version at once — that nothing of
 * theirs was saved and how to go on, instead of showing a server error.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class ConcurrentChangeAdvice {

    @ExceptionHandler(ConcurrencyFailureException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String concurrent(HttpServletRequest request, Model model) {
        model.addAttribute("back", back(request.getHeader("Referer")));
        return "error/409";
    }

    /** The path of the page the form was on, never another site's address. */
    static @Nullable String back(@Nullable String referer) {
        if (referer == null) {
            return null;
        }
        try {
            String path = URI.create(referer).getRawPath();
            return path != null && path.startsWith("/") && !path.startsWith("//") ? path : null;
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }
}
