package org.kintsugi.action;

/** How far an item's sub-steps have come: done (or verified) of all that are not dropped. */
public record Progress(int done, int total) {

    static final Progress NONE = new Progress(0, 0);

    /** Return the share done in per cent, 0 when there are no sub-steps. */
    public int percent() {
        return total == 0 ? 0 : Math.round(100f * done / total);
    }
}
