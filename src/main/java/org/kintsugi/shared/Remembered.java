package org.kintsugi.shared;

import java.time.Duration;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A value that is read again at most once per period, for what every page shows and few change, such as the names
 * offered for autocomplete. Other nodes' changes show within the period; this node's at once after {@link #forget}.
 */
public final class Remembered<T> {

    /** The value and when it was read, on the monotonic clock: the period is the process's time, not the domain's. */
    private record Kept<T>(T value, long readAt) {}

    private final Supplier<T> read;
    private final long periodNanos;
    private volatile @Nullable Kept<T> kept;

    public Remembered(Supplier<T> read, Duration period) {
        this.read = read;
        this.periodNanos = period.toNanos();
    }

    /** Return the value, reading it again when the period is over or it was forgotten. */
    public T get() {
        Kept<T> current = kept;
        long now = System.nanoTime();
        if (current == null || now - current.readAt() >= periodNanos) {
            current = new Kept<>(read.get(), now);
            kept = current;
        }
        return current.value();
    }

    /** Read the value again on next use, because this node just changed it. */
    public void forget() {
        kept = null;
    }
}
