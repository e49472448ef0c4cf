package org.kintsugi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Markdown as a reader sees it: what is shown, and which parts of it are code or addresses. */
class ReadableTextTests {

    static String literal(ReadableText r, int n) {
        ReadableText.Span span = r.literals().get(n);
        return r.text().substring(span.start(), span.end());
    }

    @Test
    void marksAndLinkAddressesAreNotInTheTextLinkTextIs() {
        ReadableText r = ReadableText.of(
                "# Impact\n\nThe **deploy** went out _late_. See [the runbook](https://wiki/run-book).");
        assertThat(r.text()).isEqualTo("Impact\n\nThe deploy went out late. See the runbook.");
        assertThat(r.literals()).isEmpty();
        assertThat(r.prose()).isEqualTo(r.text());
    }

    @Test
    void codeIsShownButBlankedInTheProseAtTheSameOffsets() {
        ReadableText r =
                ReadableText.of("We ran `rm -rf /tmp/cache` at 09:00.\n\n```\nBob should have checked\n```\n\nDone.");
        assertThat(r.text()).isEqualTo("We ran rm -rf /tmp/cache at 09:00.\n\nBob should have checked\n\nDone.");
        assertThat(literal(r, 0)).isEqualTo("rm -rf /tmp/cache");
        assertThat(literal(r, 1)).isEqualTo("Bob should have checked");
        assertThat(r.prose()).hasSameSizeAs(r.text());
        assertThat(r.prose()).isEqualTo("We ran " + " ".repeat(17) + " at 09:00.\n\n" + " ".repeat(23) + "\n\nDone.");
    }

    @Test
    void addressesShownAsThemselvesAreLiteralBareOnesToo() {
        ReadableText r = ReadableText.of(
                "Logs: <https://logs/bob-failed> and https://grafana/d/bob-should-have, or mail ops@example.com.");
        assertThat(r.text())
                .isEqualTo(
                        "Logs: https://logs/bob-failed and https://grafana/d/bob-should-have, or mail ops@example.com.");
        assertThat(r.literals())
                .extracting(s -> r.text().substring(s.start(), s.end()))
                .containsExactly("https://logs/bob-failed", "https://grafana/d/bob-should-have", "ops@example.com");
    }

    @Test
    void blocksAreSeparatedByABlankLineAndLineBreaksKept() {
        ReadableText r =
                ReadableText.of("First line\nsecond line\n\n- one\n- two\n\n| a | b |\n|---|---|\n| c | d |\n");
        assertThat(r.text()).isEqualTo("First line\nsecond line\n\none\n\ntwo\n\na | b\n\nc | d");
    }

    @Test
    void plainTextReadsAsItself() {
        assertThat(ReadableText.of("Bob should have checked the dashboard").text())
                .isEqualTo("Bob should have checked the dashboard");
        assertThat(ReadableText.of("").text()).isEmpty();
        assertThat(ReadableText.of("<div>tags</div>\n\nText <b>bold</b>").text())
                .isEqualTo("Text bold");
    }
}
