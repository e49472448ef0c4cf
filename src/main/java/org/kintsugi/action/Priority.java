package org.kintsugi.action;

/** How soon an action matters, P1 (now) to P4 (when there is time). */
public enum Priority {
    P1,
    P2,
    P3,
    P4
}
