package org.kintsugi.analysis.whys;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * What backs a why-answer: a reference by id or address, never a copy, so an account entry can be linked without this
 * module knowing how accounts are kept.
 *
 * @param ref a timeline event's id, an account entry's id, or an http(s) address
 * @param label what the reference is called where it is shown
 */
@Embeddable
public record Evidence(
        @Enumerated(EnumType.STRING) EvidenceKind kind,
        @Column(name = "reference") String ref,
        String label) {}
