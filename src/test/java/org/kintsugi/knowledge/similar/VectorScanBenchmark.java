package org.kintsugi.knowledge.similar;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Time the nearest-neighbour scan's dot products over {@code bench.vectors} stored vectors (384 signed bytes each, as
 * {@link DocumentVectors} holds them), one running sum against eight, and print the median and p95 of 50 scans after
 * 20 to warm up:
 *
 * <pre>./mvnw test -Dtest=VectorScanBenchmark -Dbench.vectors=100000</pre>
 */
class VectorScanBenchmark {

    static final int VECTORS = Integer.getInteger("bench.vectors", 100_000);
    static final int DIMENSIONS = 384;

    @Test
    void measure() {
        Random random = new Random(11);
        List<byte[]> stored = new ArrayList<>(VECTORS);
        for (int v = 0; v < VECTORS; v++) {
            byte[] vector = new byte[DIMENSIONS];
            random.nextBytes(vector);
            stored.add(vector);
        }
        float[] query = new float[DIMENSIONS];
        for (int i = 0; i < DIMENSIONS; i++) {
            query[i] = (float) random.nextGaussian() / 20;
        }
        for (int round = 0; round < 2; round++) {
            report("one running sum", time(stored, query, true), round == 1);
            report("eight running sums", time(stored, query, false), round == 1);
        }
    }

    static List<Double> time(List<byte[]> stored, float[] query, boolean oneSum) {
        List<Double> millis = new ArrayList<>();
        float best = 0;
        for (int scan = 0; scan < 70; scan++) {
            long t0 = System.nanoTime();
            for (byte[] vector : stored) {
                best = Math.max(best, oneSum ? oneSum(query, vector) : DocumentVectors.dot(query, vector));
            }
            if (scan >= 20) {
                millis.add((System.nanoTime() - t0) / 1e6);
            }
        }
        if (best == Float.MAX_VALUE) {
            System.out.println(best);
        }
        return millis;
    }

    static float oneSum(float[] query, byte[] stored) {
        float dot = 0;
        for (int i = 0; i < stored.length; i++) {
            dot += query[i] * stored[i];
        }
        return dot;
    }

    static void report(String name, List<Double> millis, boolean print) {
        Collections.sort(millis);
        if (print) {
            System.out.printf(
                    Locale.ROOT,
                    "Vector scan, %,d vectors of %d, %s: median %.1f ms, p95 %.1f ms%n",
                    VECTORS,
                    DIMENSIONS,
                    name,
                    millis.get(millis.size() / 2),
                    millis.get((int) Math.ceil(0.95 * millis.size()) - 1));
        }
    }
}
