package org.kintsugi.postmortem.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;

/** The Markdown as written, cut into lines the way commonmark counts them, so parts can be copied out exactly. */
final class SourceText {

    private static final Pattern BLANK_LINES_BEFORE = Pattern.compile("\\A(?:[ \\t]*\\R)+");
    private static final int LONGEST_QUOTE = 80;
    private static final Pattern BLANK_LINES_AFTER = Pattern.compile("(?:\\R[ \\t]*)+\\z");

    private final String text;
    private final int[] lineStarts;

    SourceText(String text) {
        this.text = text;
        this.lineStarts = lineStarts(text);
    }

    int lineCount() {
        return lineStarts.length - 1;
    }

    /** Return one line, stripped, shortened to a length that reads well in a message. */
    String quote(int index) {
        String line = text.substring(lineStarts[index], lineStarts[index + 1]).strip();
        return line.length() <= LONGEST_QUOTE ? line : line.substring(0, LONGEST_QUOTE - 1) + "…";
    }

    /** Return the exact text of lines {@code from} up to {@code to} (excluded), without blank lines at either end. */
    String slice(int from, int to) {
        if (from >= to) {
            return "";
        }
        String part = text.substring(lineStarts[from], lineStarts[to]);
        if (part.isBlank()) {
            return "";
        }
        part = BLANK_LINES_BEFORE.matcher(part).replaceFirst("");
        return BLANK_LINES_AFTER.matcher(part).replaceFirst("");
    }

    static int firstLine(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? 0 : spans.getFirst().getLineIndex();
    }

    static int lastLine(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? 0 : spans.getLast().getLineIndex();
    }

    // The same line breaks commonmark splits on: \n, \r\n and \r. The last entry is the end of the text.
    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        if (starts.getLast() != text.length()) {
            starts.add(text.length());
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }
}
