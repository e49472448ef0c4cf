package org.kintsugi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTests {

    @Test
    void rendersFormattingListsAndTables() {
        String html = Markdown.toHtml("The **API** failed.\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |");
        assertThat(html).contains("<strong>API</strong>", "<li>one</li>", "<table>", "<td>1</td>");
    }

    @Test
    void dropsScriptsEventHandlersAndJavascriptLinks() {
        String html = Markdown.toHtml("<script>alert(1)</script>\n\n<img src=x onerror=\"alert(2)\">\n\n"
                + "[click](javascript:alert(3)) <a href=\"javascript:alert(4)\">raw</a>"
                + " <iframe src=\"https://example.org\"></iframe>");
        assertThat(html).doesNotContain("<script", "onerror", "javascript:", "<iframe");
    }

    @Test
    void keepsOrdinaryLinksButStopsThemFromPassingRank() {
        String html = Markdown.toHtml("[runbook](https://runbooks.example.org/payments)");
        assertThat(html)
                .contains("href=\"https://runbooks.example.org/payments\"")
                .contains("rel=\"nofollow\"");
    }

    @Test
    void keepsCodeBlocksAsText() {
        String html = Markdown.toHtml("```bash\nkubectl rollout undo deploy/payments <now>\n```");
        assertThat(html).contains("<pre><code class=\"language-bash\">").contains("&lt;now&gt;");
    }
}
