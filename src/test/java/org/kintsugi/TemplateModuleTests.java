package org.kintsugi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A module's templates include only their own fragments, the shared ones under {@code shared/} and the root-level
 * layouts; another module's fragment comes in only when that module hands it over through an extension point (a
 * fragment name computed at run time, as in {@code ~{__${part.template}__}}).
 */
class TemplateModuleTests {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");

    /** {@code th:replace}, {@code th:insert} and {@code th:include}, also written {@code data-th-…}. */
    static final Pattern INCLUSION =
            Pattern.compile("(?:data-)?th:(?:replace|insert|include)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");

    /** A template name before a fragment selector ({@code name :: frag}), or a whole template ({@code ~{name}}). */
    static final Pattern REFERENCE = Pattern.compile("([\\w\\-./]*)\\s*::|~\\{\\s*([\\w\\-./]+)\\s*}");

    @Test
    void aModulesTemplatesIncludeOnlyTheirOwnSharedOrHandedOverFragments() throws IOException {
        List<String> crossings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                crossings.addAll(crossings(TEMPLATES.relativize(file).toString().replace('\\', '/'), file));
            }
        }
        assertThat(crossings)
                .as("templates that include another module's templates directly")
                .isEmpty();
    }

    @Test
    void theRuleNamesATemplateThatReachesIntoAnotherModule() {
        String page = "<div th:replace=\"~{analysis/fragments/coach :: attach('a', 'b', 'c')}\"></div>"
                + "<div th:insert=\"~{postmortem/fragments/timeline :: timeline}\"></div>"
                + "<div th:replace=\"~{shared/filters :: filters}\"></div>"
                + "<div data-th-include=\"~{__${part.template}__}\"></div>"
                + "<html th:replace=\"~{layout :: page(~{::head/title}, ~{::main})}\">";
        assertThat(crossings("postmortem/show.html", page))
                .containsExactly("postmortem/show.html includes analysis/fragments/coach");
    }

    private static List<String> crossings(String template, Path file) throws IOException {
        return crossings(template, Files.readString(file));
    }

    static List<String> crossings(String template, String text) {
        String module = moduleOf(template);
        List<String> found = new ArrayList<>();
        if (module == null) {
            return found;
        }
        Matcher inclusion = INCLUSION.matcher(text);
        while (inclusion.find()) {
            String value = inclusion.group(1) != null ? inclusion.group(1) : inclusion.group(2);
            Matcher reference = REFERENCE.matcher(value);
            while (reference.find()) {
                String name = reference.group(1) != null ? reference.group(1) : reference.group(2);
                String other = moduleOf(name);
                if (!name.isBlank() && other != null && !other.equals(module) && !other.equals("shared")) {
                    found.add(template + " includes " + name);
                }
            }
        }
        return found;
    }

    /** Return a template's module, its first directory; null for root-level templates such as the layout. */
    private static String moduleOf(String template) {
        String name = template.startsWith("/") ? template.substring(1) : template;
        int slash = name.indexOf('/');
        return slash < 0 ? null : name.substring(0, slash);
    }
}
