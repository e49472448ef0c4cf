package org.kintsugi.action;

/** What an action does about the failure: prevent it, detect it sooner, soften it, or change how people work. */
public enum ActionType {
    PREVENT,
    DETECT,
    MITIGATE,
    PROCESS
}
