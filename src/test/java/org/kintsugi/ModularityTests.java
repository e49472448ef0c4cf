package org.kintsugi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private static final Path DOCS = Path.of("docs", "modules");

    private final ApplicationModules modules = ApplicationModules.of(KintsugiApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    /** Regenerate docs/modules: the component diagrams and each module's canvas, kept with the code they describe. */
    @Test
    void writesModuleDocumentation() throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        try (Stream<Path> diagrams = Files.list(DOCS)) {
            for (Path diagram :
                    diagrams.filter(p -> p.toString().endsWith(".puml")).toList()) {
                Files.write(diagram, relationsInOrder(Files.readAllLines(diagram)));
            }
        }
        try (Stream<Path> canvases = Files.list(DOCS)) {
            for (Path canvas :
                    canvases.filter(p -> p.toString().endsWith(".adoc")).toList()) {
                Files.write(canvas, listsInOrder(withoutBlankListeners(Files.readAllLines(canvas))));
            }
        }
    }

    /**
     * Drop the blank lines the documenter writes for a listener of an event internal to its module (such as a
     * subpackage telling the root that templates changed), which would leave a cell opening with an empty line.
     */
    private static List<String> withoutBlankListeners(List<String> lines) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.equals("|")) {
                int next = i + 1;
                while (next < lines.size() && lines.get(next).isBlank()) {
                    next++;
                }
                if (next > i + 1 && next < lines.size() && lines.get(next).startsWith("* ")) {
                    kept.add("|" + lines.get(next));
                    i = next;
                    continue;
                }
            }
            kept.add(line);
        }
        return kept;
    }

    /**
     * Sort each list in a canvas's cells (a cell's first item starts with {@code |* }, the rest with {@code * }): the
     * listeners, like the relations, come in no fixed order.
     */
    private static List<String> listsInOrder(List<String> lines) {
        List<String> sorted = new ArrayList<>(lines);
        int start = 0;
        while (start < sorted.size()) {
            if (!sorted.get(start).startsWith("|* ")) {
                start++;
                continue;
            }
            int end = start + 1;
            while (end < sorted.size() && sorted.get(end).startsWith("* ")) {
                end++;
            }
            List<String> items = new ArrayList<>(sorted.subList(start, end));
            items.set(0, items.get(0).substring(1));
            items.sort(null);
            items.set(0, "|" + items.get(0));
            for (int i = 0; i < items.size(); i++) {
                sorted.set(start + i, items.get(i));
            }
            start = end;
        }
        return sorted;
    }

    /** Sort each run of relation lines: the documenter lists them in no fixed order, which would churn the files. */
    private static List<String> relationsInOrder(List<String> lines) {
        List<String> sorted = new ArrayList<>(lines);
        int start = 0;
        while (start < sorted.size()) {
            int end = start;
            while (end < sorted.size() && sorted.get(end).startsWith("Rel(")) {
                end++;
            }
            if (end > start) {
                sorted.subList(start, end).sort(null);
            }
            start = end + 1;
        }
        return sorted;
    }
}
