package org.kintsugi.sharing.web;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.shared.Markdown;
import org.kintsugi.shared.NotFoundException;
import org.kintsugi.sharing.Learning;
import org.kintsugi.sharing.SharedPostmortem;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The monthly learning review: the month's published postmortems as a printable reading list with their key lessons
 * and contributing factors, for a lunchtime seminar. Months are read on the clock of the person looking.
 */
@Controller
class LearningPages {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM", Locale.ROOT);
    private static final DateTimeFormatter TITLE = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH);
    private static final YearMonth FIRST = YearMonth.of(2000, 1);
    private static final YearMonth LAST = YearMonth.of(9998, 12);

    private final Learning learning;
    private final Clock clock;

    LearningPages(Learning learning, Clock clock) {
        this.learning = learning;
        this.clock = clock;
    }

    /** One postmortem on the list, its lessons rendered from Markdown. */
    record Reading(SharedPostmortem postmortem, String lessonsHtml) {}

    @GetMapping("/learning")
    String thisMonth(@AuthenticationPrincipal KintsugiPrincipal me, Model model) {
        return month(YearMonth.now(clock.withZone(me.zone())), me, model);
    }

    @GetMapping("/learning/{month}")
    String month(@PathVariable String month, @AuthenticationPrincipal KintsugiPrincipal me, Model model) {
        return month(parse(month), me, model);
    }

    private String month(YearMonth month, KintsugiPrincipal me, Model model) {
        model.addAttribute("month", month);
        model.addAttribute("monthTitle", TITLE.format(month));
        model.addAttribute("previous", month.isAfter(FIRST) ? MONTH.format(month.minusMonths(1)) : null);
        model.addAttribute("next", month.isBefore(LAST) ? MONTH.format(month.plusMonths(1)) : null);
        model.addAttribute(
                "readings",
                learning.publishedIn(month, me.zone()).stream()
                        .map(p -> new Reading(p, Markdown.toHtml(p.summary())))
                        .toList());
        return "sharing/learning";
    }

    private static YearMonth parse(String month) {
        try {
            YearMonth parsed = YearMonth.parse(month, MONTH);
            if (parsed.isBefore(FIRST) || parsed.isAfter(LAST)) {
                throw new NotFoundException("There is no learning review for " + month + ".");
            }
            return parsed;
        } catch (DateTimeParseException e) {
            throw new NotFoundException("\"" + month + "\" is not a month: months look like 2026-12.");
        }
    }
}
