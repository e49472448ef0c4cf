package org.kintsugi.analysis.whys;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.InvalidInputException;

/** The checks a why-answer and its evidence pass before they are saved, each problem naming its field. */
final class AnswerRules {

    static final int MAX_ANSWER = 2000;
    static final int MAX_EVIDENCE = 20;
    static final int MAX_LABEL = 200;
    static final int MAX_REF = 2000;

    private AnswerRules() {}

    /**
     * Return the answer stripped, with a label for each piece of evidence that has none, or refuse it.
     *
     * @param timelineEvents the postmortem's timeline events by id, with their descriptions
     * @param accountEntries the entries of the postmortem's shared accounts by reference ({@code account:entry}, e.g.
     *     {@code 12:3}), each with a label naming its writer, time and words
     */
    static WhyAnswer checked(WhyAnswer given, Map<Long, String> timelineEvents, Map<String, String> accountEntries) {
        List<FieldProblem> problems = new ArrayList<>();
        String answer = given.answer().strip();
        if (answer.isEmpty()) {
            problems.add(new FieldProblem("answer", "is required: why did this happen?"));
        } else if (answer.length() > MAX_ANSWER) {
            problems.add(new FieldProblem("answer", "must be at most 2,000 characters"));
        }
        if (given.evidence().size() > MAX_EVIDENCE) {
            problems.add(new FieldProblem("evidence", "can hold at most " + MAX_EVIDENCE + " references"));
        }
        List<Evidence> evidence = new ArrayList<>();
        for (int i = 0; i < given.evidence().size(); i++) {
            Evidence checked =
                    checked(given.evidence().get(i), "evidence[" + i + "].", timelineEvents, accountEntries, problems);
            if (checked != null) {
                evidence.add(checked);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new WhyAnswer(answer, evidence);
    }

    private static @org.jspecify.annotations.Nullable Evidence checked(
            Evidence given,
            String at,
            Map<Long, String> timelineEvents,
            Map<String, String> accountEntries,
            List<FieldProblem> problems) {
        String ref = given.ref() == null ? "" : given.ref().strip();
        String label = given.label() == null ? "" : given.label().strip();
        if (label.length() > MAX_LABEL) {
            problems.add(new FieldProblem(at + "label", "must be at most 200 characters"));
            return null;
        }
        if (given.kind() == null) {
            problems.add(new FieldProblem(at + "kind", "must be TIMELINE_EVENT, ACCOUNT_ENTRY or URL"));
            return null;
        }
        return switch (given.kind()) {
            case TIMELINE_EVENT -> {
                Long id = id(ref, at, "a timeline event's id", problems);
                if (id != null && !timelineEvents.containsKey(id)) {
                    problems.add(new FieldProblem(at + "ref", "is not an event on this postmortem's timeline"));
                    yield null;
                }
                yield id == null
                        ? null
                        : new Evidence(
                                EvidenceKind.TIMELINE_EVENT,
                                String.valueOf(id),
                                label.isEmpty() ? shortened(timelineEvents.get(id), 80) : label);
            }
            case ACCOUNT_ENTRY -> {
                if (!ref.matches("[1-9][0-9]{0,17}:[1-9][0-9]{0,8}")) {
                    problems.add(new FieldProblem(
                            at + "ref", "must be an account entry as account:entry, e.g. 12:3, not '" + ref + "'"));
                    yield null;
                }
                if (!accountEntries.containsKey(ref)) {
                    problems.add(
                            new FieldProblem(at + "ref", "is not an entry of an account shared on this postmortem"));
                    yield null;
                }
                yield new Evidence(
                        EvidenceKind.ACCOUNT_ENTRY,
                        ref,
                        label.isEmpty() ? shortened(accountEntries.get(ref), MAX_LABEL) : label);
            }
            case URL -> {
                if (!isWebAddress(ref)) {
                    problems.add(new FieldProblem(
                            at + "ref", "must be an http or https address, e.g. https://grafana.example/d/checkout"));
                    yield null;
                }
                yield new Evidence(EvidenceKind.URL, ref, label.isEmpty() ? shortened(ref, MAX_LABEL) : label);
            }
        };
    }

    /** Return whether the text is an absolute http or https address with a host, at most 2,000 characters. */
    static boolean isWebAddress(String text) {
        if (text.isEmpty() || text.length() > MAX_REF || text.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https"))
                    && uri.getHost() != null
                    && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static @org.jspecify.annotations.Nullable Long id(
            String ref, String at, String what, List<FieldProblem> problems) {
        try {
            long id = Long.parseLong(ref);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new FieldProblem(at + "ref", "must be " + what + ", a whole number, not '" + ref + "'"));
        return null;
    }

    static String shortened(String text, int max) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1).strip() + "…";
    }
}
