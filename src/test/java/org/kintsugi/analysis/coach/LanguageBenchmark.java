package org.kintsugi.analysis.coach;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Measure review throughput on one thread over the concatenated corpus postmortems. Kept out of the normal run by the
 * surefire excludes; run it with {@code ./mvnw test -Dtest=LanguageBenchmark}.
 */
class LanguageBenchmark {

    @Test
    void reviewThroughput() throws IOException {
        Path corpus = Path.of(System.getProperty("kintsugi.corpus", "../shared/corpus/postmortems"));
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(corpus)) {
            for (Path file :
                    files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                all.append(Files.readString(file)).append("\n\n");
            }
        }
        String text = all.toString();
        long bytes = text.getBytes(StandardCharsets.UTF_8).length;
        LanguageCoach coach = new LanguageCoach();
        long sink = 0;
        for (int i = 0; i < 200; i++) sink += coach.review(text).findings().size();
        int rounds = 300;
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) sink += coach.review(text).findings().size();
        double seconds = (System.nanoTime() - start) / 1e9;
        double mbPerSecond = bytes * rounds / seconds / 1_000_000;
        System.out.printf(
                "reviewed %d bytes x %d in %.2f s: %.1f MB/s on one thread (%d findings per pass)%n",
                bytes, rounds, seconds, mbPerSecond, sink / 500);
    }
}
