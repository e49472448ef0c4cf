package org.kintsugi.postmortem.template;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.InvalidInputException;

/** What an admin writes to create or change a template. */
public record TemplateDraft(String name, String description, List<SectionDefinition> sections) {

    /** Return the problems with this draft, each naming its field ({@code sections[2].heading} and so on). */
    public List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (name.isBlank()) {
            problems.add(new FieldProblem("name", "is required"));
        } else if (name.strip().length() > 120) {
            problems.add(new FieldProblem("name", "is longer than 120 characters"));
        }
        if (description.length() > 1000) {
            problems.add(new FieldProblem("description", "is longer than 1,000 characters"));
        }
        if (sections.isEmpty()) {
            problems.add(new FieldProblem("sections", "a template needs at least one section"));
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < sections.size(); i++) {
            sectionProblems(i, sections.get(i), keys, problems);
        }
        return problems;
    }

    private static void sectionProblems(int i, SectionDefinition section, Set<String> keys, List<FieldProblem> out) {
        String at = "sections[" + i + "]";
        if (section.heading().isBlank()) {
            out.add(new FieldProblem(at + ".heading", "is required"));
        } else if (section.heading().length() > 120) {
            out.add(new FieldProblem(at + ".heading", "is longer than 120 characters"));
        }
        if (section.guidance().length() > 2000) {
            out.add(new FieldProblem(at + ".guidance", "is longer than 2,000 characters"));
        }
        if (section.key().isEmpty() && !section.heading().isBlank()) {
            out.add(new FieldProblem(at + ".heading", "needs at least one letter or digit"));
        } else if (!section.key().isEmpty() && !keys.add(section.key())) {
            out.add(new FieldProblem(at + ".heading", "another section already has the key \"" + section.key() + "\""));
        }
    }

    /** Return this draft with every section given a key (from its heading where it has none), checked. */
    public TemplateDraft checked() {
        List<SectionDefinition> keyed = sections.stream()
                .map(s -> new SectionDefinition(
                        s.key().isBlank() ? slug(s.heading()) : slug(s.key()),
                        s.heading().strip(),
                        s.guidance().strip(),
                        s.required()))
                .toList();
        TemplateDraft draft = new TemplateDraft(name, description, keyed);
        List<FieldProblem> problems = draft.problems();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return draft;
    }

    /** Turn a heading into a section key: lower case, letters and digits joined by dashes. */
    public static String slug(String heading) {
        String slug = heading.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", "-")
                .replaceAll("(^-+|-+$)", "");
        return slug.length() > 60 ? slug.substring(0, 60) : slug;
    }
}
