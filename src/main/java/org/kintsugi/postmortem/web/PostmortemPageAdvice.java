package org.kintsugi.postmortem.web;

import jakarta.servlet.http.HttpServletRequest;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.LimitExceededException;
import org.kintsugi.shared.PathVariables;
import org.kintsugi.shared.RefusedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Turn what the postmortem page and its timeline refuse into the page again with the reason on top (at the timeline
 * for the timeline's forms). A postmortem that is not there is the shared page advice's 404.
 */
@ControllerAdvice(assignableTypes = {PostmortemController.class, TimelineController.class})
class PostmortemPageAdvice {

    @ExceptionHandler({RefusedException.class, InvalidInputException.class, LimitExceededException.class})
    String refused(RuntimeException e, HandlerMethod handler, HttpServletRequest request, RedirectAttributes redirect) {
        redirect.addFlashAttribute("problem", e.getMessage());
        String at = handler.getBeanType() == TimelineController.class ? "#timeline" : "";
        return "redirect:/postmortems/" + PathVariables.of(request, "id") + at;
    }
}
