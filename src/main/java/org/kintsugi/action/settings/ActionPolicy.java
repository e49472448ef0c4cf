package org.kintsugi.action.settings;

import java.util.ArrayList;
import java.util.List;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read and change the organisation's follow-through rules. */
@Service
@Transactional
public class ActionPolicy {

    private final ActionSettingsStore settings;

    ActionPolicy(ActionSettingsStore settings) {
        this.settings = settings;
    }

    /** Return the rules in force. */
    @Transactional(readOnly = true)
    public ActionSettingsView current() {
        return settings.findById(1).orElseThrow().view();
    }

    /** Change the rules, refusing values outside their sensible range with the field named. */
    public ActionSettingsView change(ActionSettingsView wanted) {
        List<FieldProblem> problems = new ArrayList<>();
        range(problems, "soakHours", wanted.soakHours(), 0, 24 * 14);
        range(problems, "commitThreshold", wanted.commitThreshold(), 1, 100);
        range(problems, "verifyAfterDays", wanted.verifyAfterDays(), 1, 365);
        range(problems, "remindDaysBefore", wanted.remindDaysBefore(), 0, 60);
        range(problems, "escalateAfterDays", wanted.escalateAfterDays(), 1, 365);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ActionSettings stored = settings.findById(1).orElseThrow();
        stored.change(wanted);
        return settings.saveAndFlush(stored).view();
    }

    private static void range(List<FieldProblem> problems, String field, int value, int min, int max) {
        if (value < min || value > max) {
            problems.add(new FieldProblem(field, "must be between " + min + " and " + max + ", not " + value));
        }
    }
}
