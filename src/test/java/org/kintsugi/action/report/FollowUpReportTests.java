package org.kintsugi.action.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.identity.UserView;
import org.kintsugi.support.KintsugiAppTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@KintsugiAppTest
@Import(ReportTestConfiguration.class)
@DisplayName("The monthly follow-up report over a seeded month")
class FollowUpReportTests {

    static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    FollowUpSeed seed;

    @Autowired
    FollowUpReports reports;

    @Autowired
    FollowUpSubscriptions subscriptions;

    @Autowired
    TestPeople people;

    @BeforeEach
    void october() {
        seed.october();
    }

    MvcTestResult get(String uri, String... headers) {
        var request = mvc.get().uri(uri).with(httpBasic(seed.owner().email(), TestPeople.PASSWORD));
        for (int i = 0; i < headers.length; i += 2) {
            request = request.header(headers[i], headers[i + 1]);
        }
        return request.exchange();
    }

    static FollowUpRow row(
            String team,
            int opened,
            int committed,
            int done,
            int effective,
            int notEffective,
            int dropped,
            int overdue,
            String median) {
        return new FollowUpRow(
                team,
                opened,
                committed,
                done,
                effective,
                notEffective,
                dropped,
                overdue,
                median.isEmpty() ? null : new BigDecimal(median));
    }

    @Nested
    @DisplayName("counts")
    class Counts {

        @Test
        void everyFigurePerTeamAndOverallReplaysTheHistoryInTheWorkingZone() throws Exception {
            FollowUpReport report = reports.of(OCTOBER);

            assertThat(report.zone().getId()).isEqualTo("Europe/Berlin");
            assertThat(report.from()).hasToString("2026-09-30T22:00:00Z");
            assertThat(report.to()).hasToString("2026-10-31T23:00:00Z");
            assertThat(report.teams())
                    .containsExactly(
                            row(FollowUpSeed.DATA_CORE, 2, 2, 2, 0, 1, 0, 2, "8.5"),
                            row(FollowUpSeed.PAYMENTS, 4, 3, 4, 1, 1, 1, 3, "9.3"));
            assertThat(report.overall()).isEqualTo(row("All teams", 5, 4, 4, 1, 1, 1, 4, "9.3"));
        }

        @Test
        void neighbouringMonthsCountTheirOwnChanges() throws Exception {
            assertThat(reports.of(OCTOBER.minusMonths(1)).overall())
                    .isEqualTo(row("All teams", 4, 3, 1, 1, 0, 0, 0, "7.0"));
            FollowUpRow november = reports.of(OCTOBER.plusMonths(1)).overall();
            assertThat(november.opened()).isEqualTo(1);
            assertThat(november.done()).isEqualTo(1);
            assertThat(november.median()).isEqualTo("54.0");
        }

        @Test
        void aMonthWithoutItemsHasNoTeamRowsAndNoMedian() throws Exception {
            FollowUpReport august = reports.of(YearMonth.of(2026, 8));
            assertThat(august.teams()).isEmpty();
            assertThat(august.overall()).isEqualTo(row("All teams", 0, 0, 0, 0, 0, 0, 0, ""));
        }
    }

    @Nested
    @DisplayName("API")
    class Api {

        @Test
        void servesTheReportAsJsonWithLastMonthByDefault() throws Exception {
            var result = get("/api/v1/reports/follow-up");
            assertThat(result).hasStatusOk();
            String json = result.getResponse().getContentAsString();
            assertThat((String) JsonPath.read(json, "$.month")).isEqualTo("2026-10");
            assertThat((String) JsonPath.read(json, "$.zone")).isEqualTo("Europe/Berlin");
            assertThat((List<String>) JsonPath.read(json, "$.teams[*].team"))
                    .containsExactly(FollowUpSeed.DATA_CORE, FollowUpSeed.PAYMENTS);
            assertThat((Integer) JsonPath.read(json, "$.teams[1].overdueAtMonthEnd"))
                    .isEqualTo(3);
            assertThat((Integer) JsonPath.read(json, "$.overall.verifiedEffective"))
                    .isEqualTo(1);
            assertThat((Double) JsonPath.read(json, "$.overall.medianDaysToDone"))
                    .isEqualTo(9.3);
            assertThat((String) JsonPath.read(json, "$.from")).isEqualTo("2026-09-30T22:00:00Z");
            assertThat((String) JsonPath.read(json, "$.to")).isEqualTo("2026-10-31T23:00:00Z");
            assertThat((Map<String, Object>) JsonPath.read(json, "$.overall"))
                    .containsOnlyKeys(
                            "team",
                            "opened",
                            "committed",
                            "done",
                            "verifiedEffective",
                            "notEffective",
                            "dropped",
                            "overdueAtMonthEnd",
                            "medianDaysToDone");
        }

        @Test
        void servesTheReportAsCsvWhenAskedFor() throws Exception {
            var result = get("/api/v1/reports/follow-up?month=2026-10", "Accept", "text/csv");
            assertThat(result).hasStatusOk();
            assertThat(result.getResponse().getContentType()).isEqualTo("text/csv;charset=UTF-8");
            assertThat(result.getResponse().getHeader("Content-Disposition"))
                    .isEqualTo("attachment; filename=\"kintsugi-follow-up-2026-10.csv\"");
            assertThat(result.getResponse().getContentAsString()).isEqualTo("""
                            Team,Opened,Committed,Done,Verified effective,Not effective,Dropped,Overdue at month end,Median days to done\r
                            "Data ""Core"", EU",2,2,2,0,1,0,2,8.5\r
                            Payments,4,3,4,1,1,1,3,9.3\r
                            All teams,5,4,4,1,1,1,4,9.3\r
                            """);
            var download = mvc.get()
                    .uri("/reports/follow-up.csv?month=2026-10")
                    .with(user(KintsugiPrincipal.of(seed.owner())))
                    .exchange();
            assertThat(download.getResponse().getContentAsString())
                    .isEqualTo(result.getResponse().getContentAsString());
            assertThat(download.getResponse().getHeader("Content-Disposition"))
                    .isEqualTo("attachment; filename=\"kintsugi-follow-up-2026-10.csv\"");
        }

        @Test
        void refusesAMonthThatIsNotYyyyMmOrHasNotBegun() throws Exception {
            for (String month : List.of("2026-13", "October", "2026-1", "2026-12")) {
                var result = get("/api/v1/reports/follow-up?month=" + month);
                assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
                assertThat(result)
                        .bodyJson()
                        .extractingPath("$.errors[0].field")
                        .isEqualTo("month");
            }
            assertThat(get("/api/v1/reports/follow-up?month=2026-11")).hasStatusOk();
            var csv = get("/api/v1/reports/follow-up?month=2026-13", "Accept", "text/csv");
            assertThat(csv).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(csv.getResponse().getContentAsString()).contains("\"field\":\"month\"");
        }

        @Test
        void subscribesAndUnsubscribesTheCurrentPerson() throws Exception {
            UserView member = people.member();
            var as = httpBasic(member.email(), TestPeople.PASSWORD);
            assertThat(mvc.put().uri("/api/v1/reports/follow-up/subscription").with(as))
                    .bodyJson()
                    .extractingPath("$.subscribed")
                    .isEqualTo(true);
            assertThat(subscriptions.subscribed(member.id())).isTrue();
            assertThat(mvc.get().uri("/api/v1/reports/follow-up/subscription").with(as))
                    .bodyJson()
                    .extractingPath("$.subscribed")
                    .isEqualTo(true);
            assertThat(mvc.delete()
                            .uri("/api/v1/reports/follow-up/subscription")
                            .with(as))
                    .hasStatus(HttpStatus.NO_CONTENT);
            assertThat(subscriptions.subscribed(member.id())).isFalse();
            UserView viewer = people.viewer();
            assertThat(mvc.put()
                            .uri("/api/v1/reports/follow-up/subscription")
                            .with(httpBasic(viewer.email(), TestPeople.PASSWORD)))
                    .hasStatus(HttpStatus.FORBIDDEN);
        }
    }

    @Nested
    @DisplayName("page")
    class Page {

        @Test
        void showsTheChartTheTableTheDefinitionsAndTheDownload() throws Exception {
            UserView member = people.member();
            var page = mvc.get()
                    .uri("/reports/follow-up?month=2026-10")
                    .with(user(KintsugiPrincipal.of(member)))
                    .exchange();
            assertThat(page).hasStatusOk();
            assertThat(page.getResponse().getContentAsString())
                    .contains("<svg role=\"img\"")
                    .contains("aria-label=\"Bar chart of action item follow-up in October 2026. All teams: 5 opened")
                    .contains("<title>Payments: 3 overdue at month end</title>")
                    .contains("median 9.3 days to done")
                    .contains("<th scope=\"row\">Data &quot;Core&quot;, EU</th>")
                    .contains("<th scope=\"row\">All teams</th>")
                    .contains("What the figures mean")
                    .contains("href=\"/reports/follow-up.csv?month=2026-10\"")
                    .contains("href=\"/reports/follow-up?month=2026-09\"")
                    .contains("href=\"/reports/follow-up?month=2026-11\"")
                    .contains("Mail me this report each month");
        }

        @Test
        void aBadMonthIsNamedAndLastMonthShown() throws Exception {
            var page = mvc.get()
                    .uri("/reports/follow-up?month=someday")
                    .with(user(KintsugiPrincipal.of(people.member())))
                    .exchange();
            assertThat(page).hasStatusOk();
            assertThat(page.getResponse().getContentAsString())
                    .contains("month: &#39;someday&#39; is not a month like 2026-10 (YYYY-MM)")
                    .contains("value=\"2026-10\"");
        }

        @Test
        void theToggleSubscribesWithAFullPageOrAnHtmxFragment() throws Exception {
            UserView member = people.member();
            var subscribed = mvc.post()
                    .uri("/reports/follow-up/subscription")
                    .with(user(KintsugiPrincipal.of(member)))
                    .with(csrf())
                    .param("subscribed", "true")
                    .param("month", "2026-09")
                    .exchange();
            assertThat(subscribed)
                    .hasStatus(HttpStatus.FOUND)
                    .hasRedirectedUrl("/reports/follow-up?month=2026-09#subscription");
            assertThat(subscriptions.subscribed(member.id())).isTrue();
            var page = mvc.get()
                    .uri("/reports/follow-up?month=2026-09")
                    .with(user(KintsugiPrincipal.of(member)))
                    .exchange();
            assertThat(page.getResponse().getContentAsString()).contains("role=\"switch\"", "checked=\"checked\"");

            var fragment = mvc.post()
                    .uri("/reports/follow-up/subscription")
                    .with(user(KintsugiPrincipal.of(member)))
                    .with(csrf())
                    .header("HX-Request", "true")
                    .param("month", "2026-09")
                    .exchange();
            assertThat(fragment).hasStatusOk();
            assertThat(fragment.getResponse().getContentAsString())
                    .startsWith("<section id=\"subscription\"")
                    .contains("You will no longer get this report by mail.")
                    .doesNotContain("checked");
            assertThat(subscriptions.subscribed(member.id())).isFalse();
        }

        @Test
        void opensOnTheMonthUnderWayWhenNoMonthIsGiven() throws Exception {
            var page = mvc.get()
                    .uri("/reports/follow-up")
                    .with(user(KintsugiPrincipal.of(people.member())))
                    .exchange();
            assertThat(page).hasStatusOk();
            assertThat(page.getResponse().getContentAsString())
                    .contains("value=\"2026-11\"")
                    .contains("<strong>November 2026</strong>")
                    .contains("This month has not ended");
        }

        @Test
        void aMonthWithNothingSaysSoInThePlaceOfTheChart() throws Exception {
            var page = mvc.get()
                    .uri("/reports/follow-up?month=2026-08")
                    .with(user(KintsugiPrincipal.of(people.member())))
                    .exchange();
            assertThat(page).hasStatusOk();
            assertThat(page.getResponse().getContentAsString())
                    .contains("No action items opened or moving in August 2026")
                    .doesNotContain("<svg role=\"img\"");
        }

        @Test
        void theMonthSoFarSaysItHasNotEnded() throws Exception {
            var page = mvc.get()
                    .uri("/reports/follow-up?month=2026-11")
                    .with(user(KintsugiPrincipal.of(people.member())))
                    .exchange();
            assertThat(page.getResponse().getContentAsString())
                    .contains("This month has not ended")
                    .contains("December 2026 has not begun");
        }

        @Test
        void viewersSeeTheReportWithoutTheToggle() throws Exception {
            var page = mvc.get()
                    .uri("/reports/follow-up")
                    .with(user(KintsugiPrincipal.of(people.viewer())))
                    .exchange();
            assertThat(page).hasStatusOk();
            assertThat(page.getResponse().getContentAsString())
                    .contains("Members can get this report by mail each month.")
                    .doesNotContain("role=\"switch\"");
        }
    }
}
