package org.kintsugi.postmortem.template;

/**
 * The templates, or the rules that pick one, are about to change in the current transaction; whatever keeps a copy of
 * them reads them again.
 */
public record TemplatesChanged() {}
