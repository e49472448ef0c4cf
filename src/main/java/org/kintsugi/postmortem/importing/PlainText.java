package org.kintsugi.postmortem.importing;

import java.util.regex.Pattern;
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
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/**
 * The words of a piece of Markdown as a person reads them: link text without its address, no emphasis marks, no raw
 * HTML, everything on one line with single spaces.
 */
final class PlainText extends AbstractVisitor {

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final StringBuilder words = new StringBuilder();

    private PlainText() {}

    static String of(Node node) {
        PlainText text = new PlainText();
        node.accept(text);
        return SPACES.matcher(text.words).replaceAll(" ").strip();
    }

    static String of(Iterable<? extends Node> nodes) {
        StringBuilder joined = new StringBuilder();
        nodes.forEach(node -> joined.append(of(node)).append(' '));
        return joined.toString().strip();
    }

    @Override
    public void visit(Text text) {
        words.append(text.getLiteral());
    }

    @Override
    public void visit(Code code) {
        words.append(code.getLiteral());
    }

    @Override
    public void visit(SoftLineBreak softLineBreak) {
        words.append(' ');
    }

    @Override
    public void visit(HardLineBreak hardLineBreak) {
        words.append(' ');
    }

    @Override
    public void visit(FencedCodeBlock codeBlock) {
        words.append(' ').append(codeBlock.getLiteral()).append(' ');
    }

    @Override
    public void visit(IndentedCodeBlock codeBlock) {
        words.append(' ').append(codeBlock.getLiteral()).append(' ');
    }

    @Override
    public void visit(HtmlBlock htmlBlock) {}

    @Override
    public void visit(HtmlInline htmlInline) {}

    @Override
    public void visit(Paragraph paragraph) {
        apart(paragraph);
    }

    @Override
    public void visit(Heading heading) {
        apart(heading);
    }

    @Override
    public void visit(ListItem listItem) {
        apart(listItem);
    }

    @Override
    public void visit(CustomBlock customBlock) {
        apart(customBlock);
    }

    @Override
    public void visit(CustomNode customNode) {
        // Table rows and cells are custom nodes: keep their words apart.
        apart(customNode);
    }

    private void apart(Node node) {
        words.append(' ');
        visitChildren(node);
        words.append(' ');
    }
}
