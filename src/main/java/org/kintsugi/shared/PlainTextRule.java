package org.kintsugi.shared;

import org.jspecify.annotations.Nullable;

/** Text a person sends holds no control characters but tab and line breaks; say what is wrong when it does. */
final class PlainTextRule {

    private PlainTextRule() {}

    /** Return what is wrong with the text, or null when nothing is. */
    static @Nullable String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return "contains the control character U+%04X at position %d; only tab and line breaks are allowed"
                        .formatted((int) c, i + 1);
            }
        }
        return null;
    }
}
