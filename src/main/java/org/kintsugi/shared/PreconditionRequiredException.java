package org.kintsugi.shared;

/** Signal that a write came without the {@code If-Match} it needs to be safe from overwriting someone's change. */
public class PreconditionRequiredException extends RuntimeException {

    public PreconditionRequiredException(String what) {
        super("Send If-Match with the ETag of " + what + " you read, so nobody's change is overwritten.");
    }
}
