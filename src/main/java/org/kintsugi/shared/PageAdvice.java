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
 * What every page answers when its module's own advice has nothing to say: a thing that is not there is the page that
 * says so (404), and a form that lost a race at the database — two saves of the same version at once — tells the
 * person that nothing of theirs was saved and how to go on, instead of showing a server error. The API's answers are
 * {@link ProblemDetailsAdvice}'s, which comes first.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageAdvice {

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NotFoundException e, Model model) {
        model.addAttribute("message", e.getMessage());
        return "error/404";
    }

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
