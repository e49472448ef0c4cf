package org.kintsugi.bench;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.identity.UserView;
import org.kintsugi.incident.IncidentDetails;
import org.kintsugi.incident.IncidentKind;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.incident.Severity;
import org.kintsugi.postmortem.Author;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.postmortem.PostmortemTimeline;
import org.kintsugi.postmortem.PostmortemView;
import org.kintsugi.postmortem.TimelineKind;
import org.kintsugi.postmortem.timeline.TimelineEntry;
import org.kintsugi.support.KintsugiAppTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A postmortem at the limits, not part of {@code verify}: {@code ./mvnw test -Dtest=LimitsBenchmark}.
 *
 * <p>Fills one postmortem with {@code bench.events} timeline events (default 5,000, the default limit) and every
 * section with {@code bench.section} characters (default 100,000), then prints the size and time of its page and
 * the time and peak heap of its HTML and PDF exports, and how a 100,000-line transcript is answered. Pass
 * {@code -Dkintsugi.limits.pdf-size=50000000 -Dkintsugi.limits.export-deadline=300s} to time the PDF of a document
 * past the PDF limit.
 */
@KintsugiAppTest
class LimitsBenchmark {

    static final int EVENTS = Integer.getInteger("bench.events", 5_000);
    static final int SECTION = Integer.getInteger("bench.section", 100_000);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestPeople people;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    PostmortemManagement postmortems;

    @Autowired
    PostmortemTimeline timeline;

    @Test
    void measure() throws Exception {
        UserView member = people.member();
        String key = incidents
                .declare(
                        new IncidentDetails(
                                "Queue backlog",
                                "",
                                IncidentKind.SYSTEM,
                                Severity.SEV2,
                                "Orders waited.",
                                null,
                                List.of("orders"),
                                List.of("Fulfilment"),
                                Instant.parse("2026-11-19T08:00:00Z"),
                                null,
                                null,
                                null,
                                Instant.parse("2026-11-19T20:00:00Z")),
                        member.displayName())
                .key();
        PostmortemView p = postmortems.start(key, null, new Author(member.id(), member.displayName()));
        for (PostmortemView.Section s : p.sections()) {
            postmortems.write(p.id(), s.key(), s.version(), section(s.key()), member.displayName());
        }
        List<TimelineEntry> entries = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            entries.add(new TimelineEntry(
                    Instant.parse("2026-11-19T08:00:00Z").plusSeconds(i * 8L),
                    "alice: looked at the consumer lag on partition " + i + " and restarted the worker pool",
                    TimelineKind.OBSERVATION,
                    "#incident-orders",
                    i % 50 == 0));
        }
        for (int from = 0; from < entries.size(); from += 1000) {
            timeline.addAll(p.id(), entries.subList(from, Math.min(entries.size(), from + 1000)), "bench");
        }
        KintsugiPrincipal me = KintsugiPrincipal.of(member);
        for (int i = 0; i < 3; i++) {
            MvcTestResult warm =
                    mvc.get().uri("/postmortems/" + p.id()).with(user(me)).exchange();
            warm.getResponse().getContentAsByteArray();
        }
        long start = System.nanoTime();
        MvcTestResult page =
                mvc.get().uri("/postmortems/" + p.id()).with(user(me)).exchange();
        double pageMs = (System.nanoTime() - start) / 1e6;
        int pageBytes = page.getResponse().getContentAsByteArray().length;
        System.out.printf(
                Locale.ROOT,
                "LIMITS page: %d events, sections of %,d chars: status %d, %,d bytes, %.0f ms%n",
                EVENTS,
                SECTION,
                page.getResponse().getStatus(),
                pageBytes,
                pageMs);

        start = System.nanoTime();
        MvcTestResult html = mvc.get()
                .uri("/api/v1/postmortems/" + p.id() + "/export?format=html")
                .with(httpBasic(member.email(), TestPeople.PASSWORD))
                .exchange();
        System.out.printf(
                Locale.ROOT,
                "LIMITS html export: status %d, %,d bytes, %.0f ms%n",
                html.getResponse().getStatus(),
                html.getResponse().getContentAsByteArray().length,
                (System.nanoTime() - start) / 1e6);

        if (Boolean.parseBoolean(System.getProperty("bench.transcript", "true"))) {
            transcript(p.id(), member);
        }

        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long heapBefore = heapUsed();
        start = System.nanoTime();
        MvcTestResult pdf = mvc.get()
                .uri("/api/v1/postmortems/" + p.id() + "/export?format=pdf")
                .with(httpBasic(member.email(), TestPeople.PASSWORD))
                .exchange();
        double pdfMs = (System.nanoTime() - start) / 1e6;
        System.out.printf(
                Locale.ROOT,
                "LIMITS pdf: status %d, %,d bytes, %.0f ms, heap %d MB before, peak %d MB (max %d MB)%n",
                pdf.getResponse().getStatus(),
                pdf.getResponse().getContentAsByteArray().length,
                pdfMs,
                heapBefore >> 20,
                peakHeap() >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        if (pdf.getResponse().getStatus() != 200) {
            System.out.println("LIMITS pdf answer: " + pdf.getResponse().getContentAsString());
        }
    }

    private void transcript(long id, UserView member) throws Exception {
        StringBuilder transcript = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            transcript.append(
                    String.format(Locale.ROOT, "%02d:%02d bob: checked shard %d\\n", 8 + i / 60 % 12, i % 60, i));
        }
        long start = System.nanoTime();
        MvcTestResult pasted = mvc.post()
                .uri("/api/v1/postmortems/" + id + "/timeline/import")
                .with(httpBasic(member.email(), TestPeople.PASSWORD))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"text\": \"" + transcript + "\", \"date\": \"2026-11-19\", \"zone\": \"UTC\"}")
                .exchange();
        System.out.printf(
                Locale.ROOT,
                "LIMITS transcript of 100,000 lines (%,d bytes): status %d in %.0f ms: %s%n",
                transcript.length(),
                pasted.getResponse().getStatus(),
                (System.nanoTime() - start) / 1e6,
                pasted.getResponse().getContentAsString().lines().findFirst().orElse(""));
    }

    private static String section(String key) {
        StringBuilder text = new StringBuilder();
        int n = 0;
        while (text.length() < SECTION - 200) {
            text.append(n % 12 == 0 ? "\n\n## Part " + n + "\n\n" : "")
                    .append("The ")
                    .append(key)
                    .append(" consumer fell behind because the retry policy made sense at the time; ")
                    .append(n++ % 5 == 0 ? "**the dashboard** showed green.\n" : "nobody saw the lag grow. ");
        }
        return text.toString();
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
    }
}
