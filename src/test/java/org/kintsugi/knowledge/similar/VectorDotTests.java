package org.kintsugi.knowledge.similar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VectorDotTests {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 8, 13, 384})
    void eightRunningSumsGiveTheDotProductOfEveryPosition(int length) {
        Random random = new Random(length);
        for (int round = 0; round < 100; round++) {
            float[] query = new float[length];
            byte[] stored = new byte[length];
            random.nextBytes(stored);
            double exact = 0;
            double magnitude = 0;
            for (int i = 0; i < length; i++) {
                query[i] = (float) random.nextGaussian() / 20;
                exact += (double) query[i] * stored[i];
                magnitude += Math.abs((double) query[i] * stored[i]);
            }
            assertThat((double) DocumentVectors.dot(query, stored)).isCloseTo(exact, within(1e-5 * magnitude + 1e-9));
        }
    }
}
