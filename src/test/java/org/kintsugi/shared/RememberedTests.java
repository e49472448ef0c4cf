package org.kintsugi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RememberedTests {

    @Test
    void readsOnceWithinItsPeriodAndAgainOnceForgotten() {
        AtomicInteger reads = new AtomicInteger();
        var remembered = new Remembered<>(reads::incrementAndGet, Duration.ofMinutes(5));

        assertThat(remembered.get()).isEqualTo(1);
        assertThat(remembered.get()).isEqualTo(1);
        remembered.forget();
        assertThat(remembered.get()).isEqualTo(2);
        assertThat(reads).hasValue(2);
    }

    @Test
    void readsAgainOnceItsPeriodIsOver() {
        AtomicInteger reads = new AtomicInteger();
        var remembered = new Remembered<>(reads::incrementAndGet, Duration.ZERO);

        assertThat(remembered.get()).isEqualTo(1);
        assertThat(remembered.get()).isEqualTo(2);
    }
}
