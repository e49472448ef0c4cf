package org.kintsugi.postmortem.template;

/** An active template as a picker lists it: just its id and name. */
public record TemplateChoice(long id, String name) {}
