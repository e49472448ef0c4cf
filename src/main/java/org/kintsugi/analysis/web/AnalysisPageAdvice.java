package org.kintsugi.analysis.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.LimitExceededException;
import org.kintsugi.shared.PathVariables;
import org.kintsugi.shared.RefusedException;
import org.kintsugi.shared.StaleVersionException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Turn a refused change on the analysis pages into the page again. On the five whys: the panel with each message by
 * its field and what was typed kept (422 without htmx), or with the reason it was refused. On one's own account: the
 * account with the reason on top.
 */
@ControllerAdvice(
        assignableTypes = {
            AccountController.class,
            WhysController.class,
            WhyAnswersController.class,
            WhyVotesController.class,
            WhyFollowUpController.class
        })
class AnalysisPageAdvice {

    // Looked up when an error comes, not at start: web slices of other modules load every advice without the beans.
    private final ObjectProvider<WhysViews> views;
    private final ObjectProvider<WhyPages> pages;

    AnalysisPageAdvice(ObjectProvider<WhysViews> views, ObjectProvider<WhyPages> pages) {
        this.views = views;
        this.pages = pages;
    }

    @ExceptionHandler(InvalidInputException.class)
    String invalid(
            InvalidInputException e,
            HandlerMethod handler,
            HttpServletRequest request,
            HttpServletResponse response,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Model model) {
        if (handler.getBeanType() == AccountController.class) {
            throw e; // the account's forms keep what was typed themselves
        }
        long id = id(request);
        WhyAttempt attempt = WhyAttempt.of(request, nodeId(request));
        WhyPanel panel = views.getObject()
                .panel(id, attempt.nodeId(), me)
                .with(
                        null,
                        "Some fields need attention; each is marked below.",
                        attempt.errors().apply(e),
                        attempt.form(),
                        attempt.typed(),
                        attempt.values());
        // An error handler starts from an empty model: give the page the signed-in person as every page has them.
        model.addAttribute("me", me);
        model.addAttribute("w", panel);
        if (request.getHeader("HX-Request") == null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return pages.getObject().page(id, me, model);
        }
        return pages.getObject().update(id, me, model);
    }

    @ExceptionHandler({RefusedException.class, StaleVersionException.class, LimitExceededException.class})
    String refused(
            RuntimeException e,
            HandlerMethod handler,
            HttpServletRequest request,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Model model,
            RedirectAttributes redirect) {
        long id = id(request);
        if (handler.getBeanType() == AccountController.class) {
            if (e instanceof StaleVersionException) {
                throw e; // an account's entries are not versioned: not this page's to explain
            }
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/postmortems/" + id + "/accounts/mine";
        }
        if (e instanceof LimitExceededException) {
            throw e; // the five whys leave a limit to the application's answer, as they always have
        }
        long nodeId = WhyAttempt.of(request, nodeId(request)).nodeId();
        if (request.getHeader("HX-Request") == null) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:" + WhyPages.address(id, nodeId);
        }
        model.addAttribute("me", me);
        model.addAttribute("w", views.getObject().panel(id, nodeId, me).told(null, e.getMessage()));
        return pages.getObject().update(id, me, model);
    }

    private static long id(HttpServletRequest request) {
        return Long.parseLong(PathVariables.of(request, "id"));
    }

    private static long nodeId(HttpServletRequest request) {
        String nodeId = PathVariables.of(request, "nodeId");
        return nodeId.equals("null") || nodeId.isEmpty() ? 0 : Long.parseLong(nodeId);
    }
}
