package org.kintsugi.postmortem;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A person who writes a postmortem, by id with their name as it was when they joined it. */
@Embeddable
public record Author(@Column(name = "user_id") long id, String name) {}
