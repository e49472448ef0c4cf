package org.kintsugi.identity.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.kintsugi.shared.InvalidInputException;

/** Group field problems by field for a form to show each message beside its input. */
final class FieldErrors {

    private FieldErrors() {}

    static Map<String, String> of(InvalidInputException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.problems().forEach(p -> errors.merge(p.field(), p.message(), (a, b) -> a + "; " + b));
        return errors;
    }
}
