package org.kintsugi.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * The text a reader sees of some Markdown, and where in it the text is literal rather than prose: code (inline and
 * blocks) and web addresses shown as themselves. What a reader does not see is not in it at all: link addresses behind
 * link text, image addresses, HTML tags and Markdown's own marks. Blocks (paragraphs, headings, list items, table
 * rows, code blocks) are separated by a blank line; a line break inside a paragraph stays a line break.
 *
 * <p>Everything that reads what people wrote for its meaning (the language coach) reads this, so its offsets are
 * offsets in the text people see, the same for every kind of text.
 *
 * @param text the text as a reader sees it
 * @param literals the spans of {@code text} that are code or addresses, in text order, end exclusive
 */
public record ReadableText(String text, List<Span> literals) {

    /** A span of the text, end exclusive. */
    public record Span(int start, int end) {}

    // bare addresses ("see https://…") are links to a reader too, though the page renders them as text
    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(TablesExtension.create(), AutolinkExtension.create()))
            .build();
    private static final Pattern ADDRESS =
            Pattern.compile("(?i)(https?://|ftp://|www\\.|mailto:)\\S*|[^\\s@]+@[^\\s@]+");

    public ReadableText {
        literals = List.copyOf(literals);
    }

    /** Read the Markdown as a reader of its rendering sees it. */
    public static ReadableText of(String markdown) {
        Reader reader = new Reader();
        PARSER.parse(markdown).accept(reader);
        StringBuilder out = reader.out;
        int end = out.length();
        while (end > 0 && Character.isWhitespace(out.charAt(end - 1))) end--;
        int cut = end;
        List<Span> literals = reader.literals.stream()
                .map(s -> new Span(Math.min(s.start(), cut), Math.min(s.end(), cut)))
                .filter(s -> s.end() > s.start())
                .toList();
        return new ReadableText(out.substring(0, end), literals);
    }

    /** Return the text with every literal span blanked to spaces (line breaks kept), so its offsets are the text's. */
    public String prose() {
        if (literals.isEmpty()) {
            return text;
        }
        char[] chars = text.toCharArray();
        for (Span span : literals) {
            for (int i = span.start(); i < span.end(); i++) {
                if (chars[i] != '\n') chars[i] = ' ';
            }
        }
        return new String(chars);
    }

    private static final class Reader extends AbstractVisitor {

        final StringBuilder out = new StringBuilder();
        final List<Span> literals = new ArrayList<>();

        /** Start a block: a blank line after whatever came before. */
        private void block() {
            if (out.isEmpty()) return;
            while (!out.isEmpty() && out.charAt(out.length() - 1) == ' ') out.setLength(out.length() - 1);
            if (out.isEmpty()) return;
            if (out.charAt(out.length() - 1) != '\n') out.append('\n');
            if (out.length() < 2 || out.charAt(out.length() - 2) != '\n') out.append('\n');
        }

        private void literal(String text) {
            int start = out.length();
            out.append(text);
            literals.add(new Span(start, out.length()));
        }

        @Override
        public void visit(Paragraph paragraph) {
            block();
            visitChildren(paragraph);
        }

        @Override
        public void visit(Heading heading) {
            block();
            visitChildren(heading);
        }

        @Override
        public void visit(ThematicBreak thematicBreak) {
            block();
        }

        @Override
        public void visit(FencedCodeBlock code) {
            block();
            literal(code.getLiteral().stripTrailing());
        }

        @Override
        public void visit(IndentedCodeBlock code) {
            block();
            literal(code.getLiteral().stripTrailing());
        }

        @Override
        public void visit(HtmlBlock html) {
            // tags are not text; a block of HTML is left unread
        }

        @Override
        public void visit(HtmlInline html) {}

        @Override
        public void visit(Text text) {
            out.append(text.getLiteral());
        }

        @Override
        public void visit(Code code) {
            literal(code.getLiteral());
        }

        @Override
        public void visit(SoftLineBreak lineBreak) {
            out.append('\n');
        }

        @Override
        public void visit(HardLineBreak lineBreak) {
            out.append('\n');
        }

        @Override
        public void visit(Link link) {
            int start = out.length();
            visitChildren(link);
            String shown = out.substring(start);
            if (shown.equals(link.getDestination()) || ADDRESS.matcher(shown).matches()) {
                literals.add(new Span(start, out.length()));
            }
        }

        @Override
        public void visit(CustomBlock block) {
            if (block instanceof TableBlock) block();
            visitChildren(block);
        }

        @Override
        public void visit(CustomNode node) {
            if (node instanceof TableRow) {
                block();
            } else if (node instanceof TableCell && node.getPrevious() != null) {
                out.append(" | ");
            }
            visitChildren(node);
        }
    }
}
