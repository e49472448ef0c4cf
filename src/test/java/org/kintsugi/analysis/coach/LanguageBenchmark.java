package org.kintsugi.analysis.coach;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Measure the coach on one thread over the concatenated corpus postmortems: the rule layer's throughput, and the whole
 * coach on a 5,000-word postmortem from cold, after one sentence changes, with the model's size and memory. Kept out of
 * the normal run by the surefire excludes; run it with {@code ./mvnw test -Dtest=LanguageBenchmark} (pin it to one core
 * with {@code taskset -c 0}).
 */
class LanguageBenchmark {

    static String corpus() throws IOException {
        Path corpus = Path.of(System.getProperty("kintsugi.corpus", "../shared/corpus/postmortems"));
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(corpus)) {
            for (Path file :
                    files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                all.append(Files.readString(file)).append("\n\n");
            }
        }
        return all.toString();
    }

    @Test
    void ruleLayerThroughput() throws IOException {
        String text = corpus();
        long bytes = text.getBytes(StandardCharsets.UTF_8).length;
        RuleSet rules = RuleSet.builtIn();
        long sink = 0;
        for (int i = 0; i < 200; i++) sink += rules.review(text).findings().size();
        int rounds = 300;
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) sink += rules.review(text).findings().size();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "rule layer: reviewed %d bytes x %d in %.2f s: %.1f MB/s on one thread (%d findings per pass)%n",
                bytes,
                rounds,
                seconds,
                bytes * rounds / seconds / 1_000_000,
                sink / 500);
    }

    @Test
    void wholeCoachOnAFiveThousandWordPostmortem() throws IOException {
        String text = firstWords(corpus(), 5000);
        long heapBefore = heapUsed();
        long loadStart = System.nanoTime();
        Embeddings model = BlameClassifier.warmUp().join();
        double loadMs = (System.nanoTime() - loadStart) / 1e6;
        long heapWithModel = heapUsed();

        LanguageCoach cold = new LanguageCoach();
        long start = System.nanoTime();
        LanguageReview first = cold.review(text);
        double coldMs = (System.nanoTime() - start) / 1e6;
        int embeddedCold = cold.embedded();

        // a second coach with a fresh cache, once the JIT has seen the code: the cold figure without JVM warm-up
        LanguageCoach warmedJit = new LanguageCoach();
        start = System.nanoTime();
        warmedJit.review(text);
        double coldJitMs = (System.nanoTime() - start) / 1e6;

        double changedMs = Double.MAX_VALUE;
        for (int round = 0; round < 20; round++) {
            String edited = text.replaceFirst("\\. ", ". Edit " + round + " was made by Kofi after the alert fired. ");
            start = System.nanoTime();
            cold.review(edited);
            changedMs = Math.min(changedMs, (System.nanoTime() - start) / 1e6);
        }
        long heapAfter = heapUsed();
        System.out.printf(
                Locale.ROOT,
                "whole coach, %d words, %d sentences embedded (of those worth weighing), %d findings:%n"
                        + "  model load %.0f ms; cold review %.0f ms (first in the JVM), %.0f ms (fresh cache, JIT warm);%n"
                        + "  after one sentence changes %.1f ms (best of 20)%n"
                        + "  model %.1f MB on disk; heap with model +%.0f MB, after reviews +%.0f MB;"
                        + " process RSS %s; CPUs available %d%n",
                first.words(),
                embeddedCold,
                first.findings().size(),
                loadMs,
                coldMs,
                coldJitMs,
                changedMs,
                model.modelBytes / 1e6,
                (heapWithModel - heapBefore) / 1e6,
                (heapAfter - heapBefore) / 1e6,
                rss(),
                Runtime.getRuntime().availableProcessors());
    }

    private static String firstWords(String text, int words) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = Character.isLetterOrDigit(text.charAt(i));
            if (letter && !inWord && ++count > words) return text.substring(0, i);
            inWord = letter;
        }
        return text;
    }

    private static long heapUsed() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String rss() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("VmRSS"))
                .map(line -> line.replaceAll("\\s+", " ").substring(6).strip())
                .findFirst()
                .orElse("unknown");
    }
}
