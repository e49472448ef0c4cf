package org.kintsugi.debrief.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.LimitExceededException;
import org.kintsugi.shared.RefusedException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.ModelMap;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * How a room form is answered: an htmx request gets the room fragment (with the problem, each field's message and
 * the typed input when refused, and the status saying why), a plain one is sent back to the page.
 */
final class Reply {

    private final RoomModel model;
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final ModelMap page;

    Reply(RoomModel model, HttpServletRequest request, HttpServletResponse response, ModelMap page) {
        this.model = model;
        this.request = request;
        this.response = response;
        this.page = page;
    }

    /** Do what the form asks and answer with the room as it is now. */
    String to(long id, KintsugiPrincipal me, Map<String, String> kept, Runnable action) {
        return to(id, me, kept, action, null);
    }

    /** Do what the form asks and answer with the room as it is now, saying {@code notice} when it is done. */
    String to(
            long id,
            KintsugiPrincipal me,
            Map<String, String> kept,
            Runnable action,
            @org.jspecify.annotations.Nullable String notice) {
        HttpStatus status;
        String problem;
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            action.run();
            if (request.getHeader("HX-Request") == null) {
                if (notice != null) {
                    RequestContextUtils.getOutputFlashMap(request).put("roomNotice", notice);
                }
                return "redirect:/debriefs/" + id + "#room";
            }
            model.fill(page, id, me, null, null);
            page.addAttribute("roomNotice", notice);
            return RoomPages.FRAGMENT;
        } catch (InvalidInputException e) {
            status = HttpStatus.UNPROCESSABLE_CONTENT;
            for (FieldProblem p : e.problems()) {
                errors.merge(p.field(), p.message(), (a, b) -> a + "; " + b);
            }
            problem = "Not saved: see the field marked below.";
        } catch (LimitExceededException e) {
            status = e.kind() == LimitExceededException.Kind.BUSY
                    ? HttpStatus.TOO_MANY_REQUESTS
                    : HttpStatus.BAD_REQUEST;
            errors.put(e.field(), e.getMessage());
            problem = "Not saved: " + e.getMessage();
        } catch (RefusedException e) {
            status = e.reason() == RefusedException.Reason.PERSON ? HttpStatus.FORBIDDEN : HttpStatus.CONFLICT;
            problem = e.getMessage();
        } catch (ConcurrencyFailureException e) {
            status = HttpStatus.CONFLICT;
            problem = "Someone changed the room at the same moment; nothing was saved. Here it is as it is now.";
        }
        if (request.getHeader("HX-Request") == null) {
            FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
            flash.put("roomProblem", problem);
            flash.put("kept", kept);
            flash.put("errors", errors);
            return "redirect:/debriefs/" + id + "#room";
        }
        response.setStatus(status.value());
        model.fill(page, id, me, kept, errors);
        page.addAttribute("roomProblem", problem);
        return RoomPages.FRAGMENT;
    }
}
