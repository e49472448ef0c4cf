package org.kintsugi.analysis.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kintsugi.analysis.whys.Evidence;
import org.kintsugi.analysis.whys.EvidenceKind;
import org.kintsugi.analysis.whys.NodeView;
import org.kintsugi.analysis.whys.WhyAnswer;
import org.kintsugi.shared.InvalidInputException;

/**
 * A why-answer as the page's form sends it: the answer, the timeline events ticked, account entries by id and links
 * one per line ({@code https://… optional label}).
 */
public record AnswerForm(
        @Nullable String answer,
        @Nullable Long version,
        List<Long> timelineEvents,
        @Nullable String accountEntries,
        @Nullable String links) {

    private static final Pattern EVIDENCE_FIELD = Pattern.compile("evidence\\[(\\d+)]\\..*");

    public AnswerForm {
        timelineEvents = timelineEvents == null ? List.of() : List.copyOf(timelineEvents);
    }

    /** Return the form filled with an answer as it stands, for editing it. */
    static AnswerForm of(NodeView node) {
        List<Long> events = new ArrayList<>();
        List<String> entries = new ArrayList<>();
        List<String> links = new ArrayList<>();
        for (Evidence e : node.evidence()) {
            switch (e.kind()) {
                case TIMELINE_EVENT -> events.add(Long.parseLong(e.ref()));
                case ACCOUNT_ENTRY -> entries.add(e.ref());
                case URL -> links.add(e.label().equals(e.ref()) ? e.ref() : e.ref() + " " + e.label());
            }
        }
        return new AnswerForm(
                node.answer(), node.version(), events, String.join(",", entries), String.join("\n", links));
    }

    /** The answer read from the form, and which form field each piece of evidence came from. */
    record Read(WhyAnswer answer, List<String> fields) {

        /** Return the service's problems by the form field they concern. */
        Map<String, String> errors(InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.problems().forEach(p -> {
                Matcher evidence = EVIDENCE_FIELD.matcher(p.field());
                String field = evidence.matches() ? fields.get(Integer.parseInt(evidence.group(1))) : p.field();
                errors.merge(field, p.message(), (a, b) -> a + "; " + b);
            });
            return errors;
        }
    }

    /** Read the form: each checked event and account entry, and each line of links, as a piece of evidence. */
    Read read() {
        List<Evidence> evidence = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        for (Long event : timelineEvents) {
            evidence.add(new Evidence(EvidenceKind.TIMELINE_EVENT, String.valueOf(event), ""));
            fields.add("timelineEvents");
        }
        for (String entry : split(accountEntries, "[,\\s]+")) {
            evidence.add(new Evidence(EvidenceKind.ACCOUNT_ENTRY, entry, ""));
            fields.add("accountEntries");
        }
        for (String line : split(links, "\\R")) {
            String[] parts = line.strip().split("\\s+", 2);
            evidence.add(new Evidence(EvidenceKind.URL, parts[0], parts.length > 1 ? parts[1] : ""));
            fields.add("links");
        }
        return new Read(new WhyAnswer(answer == null ? "" : answer, evidence), fields);
    }

    private static List<String> split(@Nullable String text, String separator) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Pattern.compile(separator)
                .splitAsStream(text.strip())
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toList());
    }
}
