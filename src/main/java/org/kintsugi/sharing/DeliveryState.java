package org.kintsugi.sharing;

/** Where a delivery stands: not tried yet, failed its last try (and waits for the next), or sent. */
public enum DeliveryState {
    PENDING,
    FAILED,
    SENT
}
