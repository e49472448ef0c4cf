package org.kintsugi.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Add a person: how they sign in, what they are called, and what they may do. */
public record NewUser(
        @NotBlank(message = "is required")
        @Email(message = "is not an email address")
        @Size(max = 320, message = "must be at most 320 characters")
        String email,

        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters")
        String displayName,

        @NotBlank(message = "is required") @Size(min = 10, max = 200, message = "must be 10 to 200 characters")
        String password,

        @NotNull(message = "is required") @Nullable Role role) {}
