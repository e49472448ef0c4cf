package org.kintsugi.shared;

import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Render Markdown that people wrote into HTML that is safe to show to anyone else.
 *
 * <p>commonmark-java renders (with GitHub tables); the OWASP sanitizer then keeps only formatting, links, images and
 * tables, so a {@code <script>}, an event handler or a {@code javascript:} link in the text never reaches a browser.
 */
public final class Markdown {

    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER =
            HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(false).build();

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.LINKS)
            .and(Sanitizers.IMAGES)
            .and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("pre", "code", "hr", "br", "del", "s", "kbd", "sup", "sub", "dl", "dt", "dd")
                    .allowAttributes("class")
                    .matching(Pattern.compile("language-[a-z0-9+#-]{1,30}"))
                    .onElements("code")
                    .allowAttributes("align")
                    .matching(true, "left", "right", "center")
                    .onElements("th", "td")
                    .toFactory());

    private Markdown() {}

    /** Render Markdown to sanitised HTML. */
    public static String toHtml(String markdown) {
        Node document = PARSER.parse(markdown);
        return sanitize(RENDERER.render(document));
    }

    /** Keep only the harmless part of an HTML fragment. */
    public static String sanitize(String html) {
        return POLICY.sanitize(html);
    }

    /** Return the Markdown parser with the extensions Kintsugi renders, for code that walks the document. */
    public static Parser parser() {
        return PARSER;
    }
}
