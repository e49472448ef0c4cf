package org.kintsugi.incident;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a person says about an incident when declaring or revising it. */
public record IncidentDetails(
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") @Nullable
        String title,

        @Size(max = 10000, message = "must be at most 10,000 characters") @Nullable
        String summary,

        @NotNull(message = "is required: choose what kind of incident this is") @Nullable
        IncidentKind kind,

        @NotNull(message = "is required: choose a severity") @Nullable
        Severity severity,

        @NotBlank(message = "is required: say who was affected and how")
        @Size(max = 10000, message = "must be at most 10,000 characters")
        @Nullable
        String impact,

        @Min(value = 0, message = "cannot be negative") @Nullable
        Integer peopleAffected,

        @Size(max = 20, message = "can hold at most 20 services") @Nullable
        List<@Size(max = 100, message = "names must be at most 100 characters") String> services,

        @Size(max = 20, message = "can hold at most 20 teams") @Nullable
        List<@Size(max = 100, message = "names must be at most 100 characters") String> teams,

        @Nullable Instant startedAt,
        @Nullable Instant detectedAt,
        @Nullable Instant acknowledgedAt,
        @Nullable Instant mitigatedAt,
        @Nullable Instant resolvedAt) {

    public Lifecycle lifecycle() {
        return new Lifecycle(startedAt, detectedAt, acknowledgedAt, mitigatedAt, resolvedAt);
    }
}
