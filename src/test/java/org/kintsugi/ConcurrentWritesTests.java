package org.kintsugi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.identity.UserView;
import org.kintsugi.support.KintsugiAppTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Twenty people save the same version of the same thing at once: one wins, every other is told 412 — never 500,
 * whichever of the version check and the database's own noticed the race.
 */
@KintsugiAppTest
class ConcurrentWritesTests {

    static final int WRITERS = 20;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestPeople people;

    final ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    UserView author;
    String incident;
    long postmortem;

    @BeforeEach
    void incidentAndPostmortem() throws Exception {
        author = people.member();
        incident = JsonPath.read(body(call(HttpMethod.POST, "/api/v1/incidents", """
                        {"title": "Checkout unavailable", "kind": "system", "severity": "SEV2",
                         "impact": "EU customers could not pay", "startedAt": "2026-11-20T10:00:00Z"}""", null)), "$.key");
        postmortem = ((Number) JsonPath.read(
                        body(call(HttpMethod.POST, "/api/v1/incidents/" + incident + "/postmortem", null, null)),
                        "$.id"))
                .longValue();
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void incidentPatchesOfOneVersionGiveOneSuccessAndOnly412s() throws Exception {
        String etag = call(HttpMethod.GET, "/api/v1/incidents/" + incident, null, null)
                .getResponse()
                .getHeader("ETag");
        assertOneWinsTheRestAre412(i ->
                call(HttpMethod.PATCH, "/api/v1/incidents/" + incident, "{\"summary\": \"Writer " + i + "\"}", etag));
    }

    @Test
    void sectionSavesOfOneVersionGiveOneSuccessAndOnly412s() throws Exception {
        assertOneWinsTheRestAre412(i -> call(
                HttpMethod.PUT,
                "/api/v1/postmortems/" + postmortem + "/sections/summary",
                "{\"body\": \"Writer " + i + " tells it this way.\"}",
                "\"0\""));
    }

    @Test
    void actionPatchesOfOneVersionGiveOneSuccessAndOnly412s() throws Exception {
        String due = LocalDate.now(ZoneOffset.UTC).plusDays(14).toString();
        String proposal = """
                {"title": "%s", "ownerId": %d, "dueDate": "%s", "priority": "P2", "type": "prevent",
                 "verification": "No push reaches two regions at once"}""";
        MvcTestResult created = call(
                HttpMethod.POST,
                "/api/v1/postmortems/" + postmortem + "/actions",
                proposal.formatted("Stage config pushes", author.id(), due),
                null);
        assertThat(created).hasStatus(201);
        long id = ((Number) JsonPath.read(body(created), "$.id")).longValue();
        String etag = created.getResponse().getHeader("ETag");
        assertOneWinsTheRestAre412(i -> call(
                HttpMethod.PATCH,
                "/api/v1/actions/" + id,
                proposal.formatted("Stage config pushes, take " + i, author.id(), due),
                etag));
    }

    @Test
    void sectionFormsOfOneVersionKeepWhatEachLoserTyped() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<MvcTestResult>> results = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            int writer = i;
            results.add(pool.submit(() -> {
                start.await();
                return mvc.post()
                        .uri("/postmortems/" + postmortem + "/sections/summary")
                        .with(user(KintsugiPrincipal.of(author)))
                        .with(csrf())
                        .param("version", "0")
                        .param("body", "Writer " + writer + " typed this.")
                        .exchange();
            }));
        }
        start.countDown();
        int saved = 0;
        for (int i = 0; i < WRITERS; i++) {
            MvcTestResult done = results.get(i).get(60, TimeUnit.SECONDS);
            int status = done.getResponse().getStatus();
            assertThat(status).as("writer %d", i).isIn(302, 409);
            if (status == 302) {
                saved++;
            } else {
                assertThat(done.getResponse().getContentAsString()).contains("Writer " + i + " typed this.");
            }
        }
        assertThat(saved).isEqualTo(1);
    }

    private void assertOneWinsTheRestAre412(IntFunction<MvcTestResult> write) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<MvcTestResult>> results = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            int writer = i;
            results.add(pool.submit(() -> {
                start.await();
                return write.apply(writer);
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<MvcTestResult> result : results) {
            MvcTestResult done = result.get(60, TimeUnit.SECONDS);
            int status = done.getResponse().getStatus();
            statuses.add(status);
            if (status == 412) {
                assertThat(done.getResponse().getContentType()).startsWith("application/problem+json");
            }
        }
        assertThat(statuses).containsOnly(200, 412);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
    }

    private MvcTestResult call(HttpMethod method, String uri, @Nullable String json, @Nullable String ifMatch) {
        var request = mvc.method(method).uri(uri).with(user(KintsugiPrincipal.of(author)));
        if (json != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.exchange();
    }

    private static String body(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString();
    }
}
