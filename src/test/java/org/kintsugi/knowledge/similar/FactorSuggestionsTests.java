package org.kintsugi.knowledge.similar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.kintsugi.analysis.factors.FactorCategories;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.identity.UserView;
import org.kintsugi.postmortem.Author;
import org.kintsugi.postmortem.PostmortemImport;
import org.kintsugi.postmortem.importing.ImportResult;
import org.kintsugi.support.KintsugiAppTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A postmortem imported without contributing factors is offered the failure mechanism its text reads as, in the
 * built-in category it belongs to, to add with one press; once it has a factor, nothing more is suggested.
 */
@KintsugiAppTest
class FactorSuggestionsTests {

    static final String MARKDOWN = """
            # %s: the certificate of the public API expired

            ## Summary

            The TLS certificate on the public load balancer expired at 03:00 UTC. Every client failed its TLS
            handshake until a new certificate was issued and installed at 04:10 UTC.

            ## Impact

            The public API and the mobile apps could not connect for 70 minutes.

            ## What happened

            The certificate had been issued by hand a year earlier. Nothing renewed it automatically, and no alert
            warned that its expiry date was near.
            """;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestPeople people;

    @Autowired
    PostmortemImport importer;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FactorCategories categories;

    @Test
    void anImportedPostmortemIsOfferedItsMechanismAsAFactorInItsCategory() throws Exception {
        UserView writer = people.member();
        long pm = imported(writer, importer, transactions, jdbc);

        Element offered = page(pm, writer).selectFirst("#factors .factor-suggestions");
        assertThat(offered).as("a suggestion on the writer's page").isNotNull();
        assertThat(offered.text())
                .contains(
                        "Suggested from the text", "Process", "A certificate or credential that expired or was rotated")
                .containsPattern("\\d+ % sure");
        Element form = offered.selectFirst("form.factor-suggestion");
        assertThat(form.attr("action")).isEqualTo("/postmortems/" + pm + "/factors");
        String process =
                String.valueOf(categories.named("Process").orElseThrow().id());
        assertThat(form.selectFirst("input[name=categoryId]").val()).isEqualTo(process);

        assertThat(page(pm, people.viewer()).select("#factors .factor-suggestions"))
                .as("a viewer cannot add factors, so is offered none")
                .isEmpty();

        MvcTestResult added = mvc.post()
                .uri(form.attr("action"))
                .with(user(KintsugiPrincipal.of(writer)))
                .with(csrf())
                .param("statement", form.selectFirst("input[name=statement]").val())
                .param("categoryId", process)
                .exchange();
        assertThat(added).hasStatus3xxRedirection().flash().containsKey("notice");

        Document after = page(pm, writer);
        assertThat(after.select("#factors .factor-list > li").text())
                .contains("Process", "A certificate or credential that expired or was rotated");
        assertThat(after.select("#factors .factor-suggestions"))
                .as("a postmortem with a factor is offered no more")
                .isEmpty();
    }

    @Test
    void everyMechanismBelongsInABuiltInCategory() {
        for (Mechanism mechanism : Mechanism.values()) {
            assertThat(categories.named(MechanismFactors.category(mechanism)))
                    .as(mechanism.id())
                    .isPresent();
        }
    }

    /** Import the postmortem of {@link #MARKDOWN} as the writer's, and wait until its mechanism profile is stored. */
    static long imported(
            UserView writer, PostmortemImport importer, PlatformTransactionManager transactions, JdbcClient jdbc) {
        ImportResult imported = new TransactionTemplate(transactions)
                .execute(status -> importer.importMarkdown(
                        MARKDOWN.formatted(SimilarApiTests.word()),
                        "certificate.md",
                        new Author(writer.id(), writer.displayName()),
                        ZoneOffset.UTC));
        long pm = imported.postmortemId();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("""
                                select count(*) from knowledge_vectors v join postmortems p on p.incident_id = v.incident_id
                                where p.id = ? and v.profile is not null""").param(pm).query(Long.class).single() == 1);
        return pm;
    }

    Document page(long pm, UserView as) throws Exception {
        MvcTestResult shown = mvc.get()
                .uri("/postmortems/" + pm)
                .with(user(KintsugiPrincipal.of(as)))
                .exchange();
        assertThat(shown).hasStatusOk();
        return Jsoup.parse(shown.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
