package org.kintsugi.postmortem.importing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The YAML between a first line {@code ---} and the next {@code ---}, and the Markdown after it.
 *
 * @param skippedLines how many lines of the original the front matter took, to number the Markdown's lines as written
 */
record FrontMatter(Map<String, @Nullable Object> values, String markdown, int skippedLines) {

    private static final Pattern OPENING = Pattern.compile("\\A\\uFEFF?---[ \\t]*(?:\\r\\n|\\r|\\n)");
    private static final Pattern CLOSING = Pattern.compile("(?m)^(?:---|\\.\\.\\.)[ \\t]*$(?:\\r\\n|\\r|\\n)?");
    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|\\r|\\n");

    /** Split the front matter off a document; a document without one has no values. */
    static FrontMatter split(String document) {
        Matcher opening = OPENING.matcher(document);
        if (!opening.lookingAt()) {
            return new FrontMatter(Map.of(), document, 0);
        }
        Matcher closing = CLOSING.matcher(document);
        if (!closing.find(opening.end())) {
            throw new IllegalArgumentException(
                    "The front matter opened by '---' on line 1 is never closed: add a line '---' after its last value.");
        }
        String yaml = document.substring(opening.end(), closing.start());
        int skipped = (int) LINE_BREAK
                .matcher(document.substring(0, closing.end()))
                .results()
                .count();
        return new FrontMatter(parse(yaml), document.substring(closing.end()), skipped);
    }

    private static Map<String, @Nullable Object> parse(String yaml) {
        Object loaded;
        try {
            loaded = yaml().load(yaml);
        } catch (MarkedYAMLException e) {
            throw new IllegalArgumentException(explain(e), e);
        } catch (YAMLException e) {
            throw new IllegalArgumentException("The front matter is not valid YAML: " + e.getMessage(), e);
        }
        if (loaded == null) {
            return Map.of();
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(
                    "The front matter on lines 2 to " + (yaml.lines().count() + 1)
                            + " must be 'name: value' lines, but it is a single "
                            + (loaded instanceof Iterable<?> ? "list" : "value") + ".");
        }
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        map.forEach((key, value) -> values.put(String.valueOf(key), value));
        return Collections.unmodifiableMap(values);
    }

    private static String explain(MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String where = mark == null
                ? "The front matter"
                // Mark lines count from 0 inside the YAML, which starts on the document's line 2.
                : "The front matter, line " + (mark.getLine() + 2) + " column " + (mark.getColumn() + 1) + ",";
        String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
        return where + " is not valid YAML: " + e.getProblem() + context + ".";
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        DumperOptions dumper = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, new DatesAsText());
    }

    /** Keep {@code date: 2017-09-27} the text it is, not a {@code java.util.Date} at midnight UTC. */
    private static final class DatesAsText extends Resolver {
        @Override
        public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
            if (!Tag.TIMESTAMP.equals(tag)) {
                super.addImplicitResolver(tag, regexp, first, limit);
            }
        }
    }
}
