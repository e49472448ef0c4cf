package org.kintsugi.debrief.web;

import org.jspecify.annotations.Nullable;
import org.kintsugi.debrief.Answer;
import org.kintsugi.debrief.AnswerLink;
import org.kintsugi.debrief.DebriefManagement;
import org.kintsugi.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The answer links of the invitation mails, open without signing in: the token in the address is the key. Opening
 * one changes nothing (mail scanners open links too); the page asks to confirm with a button, a form with CSRF.
 */
@Controller
class AnswerPages {

    private final DebriefManagement debriefs;

    AnswerPages(DebriefManagement debriefs) {
        this.debriefs = debriefs;
    }

    @GetMapping("/debriefs/answer/{token}")
    String confirm(
            @PathVariable String token, @RequestParam(name = "a", required = false) @Nullable String a, Model model) {
        AnswerLink link = debriefs.answerLink(token);
        model.addAttribute("link", link);
        model.addAttribute("token", token);
        model.addAttribute("chosen", Answer.given(a).orElse(null));
        model.addAttribute("choices", java.util.List.of(Answer.YES, Answer.MAYBE, Answer.NO));
        return "debrief/answer";
    }

    @PostMapping("/debriefs/answer/{token}")
    String answer(
            @PathVariable String token,
            @RequestParam(name = "a", required = false) @Nullable String a,
            RedirectAttributes redirect) {
        Answer answer = Answer.given(a).orElseThrow(() -> new InvalidInputException("a", "must be yes, no or maybe"));
        AnswerLink link = debriefs.answer(token, answer);
        redirect.addFlashAttribute(
                "notice", "Thank you, " + link.inviteeName() + ": your answer \"" + answer.label() + "\" is recorded.");
        return "redirect:/debriefs/answer/" + token;
    }
}
