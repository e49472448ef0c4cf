package org.kintsugi.shared;

import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/** Turn entity versions into HTTP entity tags and back (RFC 9110, section 8.8.3). */
public final class ETags {

    private ETags() {}

    /** Return the strong entity tag for a version, e.g. {@code "3"}. */
    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** Read the version from an {@code If-Match} header; empty when absent or {@code *}. */
    public static OptionalLong version(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return OptionalLong.empty();
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return OptionalLong.of(Long.parseLong(tag));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("If-Match", "is not an entity tag this server issued: " + ifMatch);
        }
    }

    /** Read the version from an {@code If-Match} header that must be there; {@code what} names the thing written. */
    public static long required(@Nullable String ifMatch, String what) {
        return version(ifMatch).orElseThrow(() -> new PreconditionRequiredException(what));
    }
}
