package org.kintsugi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.kintsugi.support.KintsugiAppTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Pages carry a Content-Security-Policy that allows only Kintsugi's own scripts, and tight referrer and feature rules. */
@KintsugiAppTest
class SecurityHeadersTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestPeople people;

    @Test
    void pagesAllowOnlyTheirOwnScriptsStylesAndForms() {
        var page = mvc.get()
                .uri("/incidents")
                .with(user(KintsugiPrincipal.of(people.member())))
                .exchange();
        String csp = page.getResponse().getHeader("Content-Security-Policy");
        assertThat(csp)
                .contains("default-src 'self'")
                .contains("script-src 'self'")
                .contains("style-src 'self'")
                .contains("object-src 'none'")
                .contains("base-uri 'self'")
                .contains("form-action 'self'")
                .contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline")
                .doesNotContain("unsafe-eval");
        assertHeaders(page);
    }

    @Test
    void theSignInPageAndTheApiCarryThemToo() {
        assertHeaders(mvc.get().uri("/login").exchange());
        assertHeaders(mvc.get().uri("/api/v1/incidents").exchange());
        assertHeaders(mvc.get().uri("/actuator/health").exchange());
    }

    @Test
    void htmxIsConfiguredToNeedNoInlineStyleOrEval() throws Exception {
        var page = mvc.get().uri("/login").exchange();
        var meta = Jsoup.parse(page.getResponse().getContentAsString()).selectFirst("meta[name=htmx-config]");
        assertThat(meta).isNotNull();
        assertThat(meta.attr("content"))
                .contains("\"includeIndicatorStyles\":false")
                .contains("\"allowEval\":false")
                .contains("\"allowScriptTags\":false");
    }

    private static void assertHeaders(MvcTestResult result) {
        assertThat(result.getResponse().getHeader("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(result.getResponse().getHeader("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        assertThat(result.getResponse().getHeader("Permissions-Policy"))
                .contains("camera=()")
                .contains("geolocation=()")
                .contains("microphone=()");
    }
}
