package org.kintsugi.analysis.coach;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Read an installation's rules file: {@code disabled:} lists rule ids to switch off, {@code rules:} adds rules, each
 * with {@code id}, {@code phrase} or {@code regex}, {@code category}, {@code explanation} and {@code suggestion}.
 */
record RulesFile(Set<String> disabled, List<CustomRule> rules) {

    static final RulesFile NONE = new RulesFile(Set.of(), List.of());

    static RulesFile read(Path path) {
        if (!Files.isRegularFile(path)) {
            return NONE;
        }
        try (Reader reader = Files.newBufferedReader(path)) {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            if (!(loaded instanceof Map<?, ?> root)) {
                return NONE;
            }
            Set<String> disabled = root.get("disabled") instanceof List<?> ids
                    ? Set.copyOf(ids.stream().map(String::valueOf).toList())
                    : Set.of();
            List<CustomRule> rules = new ArrayList<>();
            if (root.get("rules") instanceof List<?> entries) {
                for (Object entry : entries) {
                    if (entry instanceof Map<?, ?> rule) rules.add(rule(rule, path));
                }
            }
            return new RulesFile(disabled, rules);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the language rules file " + path, e);
        }
    }

    private static CustomRule rule(Map<?, ?> rule, Path path) {
        Object regex = rule.get("regex");
        Object pattern = regex != null ? regex : rule.get("phrase");
        Object id = rule.get("id");
        if (pattern == null || id == null) {
            throw new IllegalStateException("Each rule in " + path + " needs an id and a phrase or regex");
        }
        String category = String.valueOf(rule.containsKey("category") ? rule.get("category") : "CUSTOM");
        return new CustomRule(
                String.valueOf(id),
                String.valueOf(pattern),
                regex != null,
                Category.valueOf(category.toUpperCase(Locale.ROOT).replace('-', '_')),
                String.valueOf(
                        rule.containsKey("explanation")
                                ? rule.get("explanation")
                                : "This phrasing is on the house list."),
                String.valueOf(
                        rule.containsKey("suggestion")
                                ? rule.get("suggestion")
                                : "Describe what happened and why it made sense at the time."));
    }
}
