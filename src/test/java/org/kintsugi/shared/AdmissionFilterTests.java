package org.kintsugi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class AdmissionFilterTests {

    // Each request on a thread of its own, as Tomcat would run them (the common pool may have a single thread).
    final ExecutorService threads = Executors.newCachedThreadPool();
    final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch working = new CountDownLatch(1);

    /** A request that holds its turn until the test lets it go. */
    final FilterChain slow = (request, response) -> {
        working.countDown();
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    };

    @AfterEach
    void letGo() {
        release.countDown();
        threads.shutdownNow();
    }

    static MockHttpServletRequest get(String path) {
        return new MockHttpServletRequest("GET", path);
    }

    CompletableFuture<MockHttpServletResponse> send(AdmissionFilter filter, String path, FilterChain chain) {
        return CompletableFuture.supplyAsync(
                () -> {
                    var response = new MockHttpServletResponse();
                    try {
                        filter.doFilter(get(path), response, chain);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return response;
                },
                threads);
    }

    @Test
    void theHealthProbeDoesNotWaitBehindBusyRequests() throws Exception {
        var filter = new AdmissionFilter(1, 10, 16);
        send(filter, "/postmortems/1", slow);
        assertThat(working.await(5, TimeUnit.SECONDS)).isTrue();
        send(filter, "/postmortems/2", (request, response) -> {});

        var health = send(
                filter,
                "/actuator/health/liveness",
                (request, response) -> response.getWriter().write("UP"));

        assertThat(health.get(1, TimeUnit.SECONDS).getContentAsString()).isEqualTo("UP");
    }

    @Test
    void aRequestBeyondTheQueueIsAnswered503AtOnceNamingTheSetting() throws Exception {
        var filter = new AdmissionFilter(1, 1, 16);
        send(filter, "/postmortems/1", slow);
        assertThat(working.await(5, TimeUnit.SECONDS)).isTrue();
        var queued = send(
                filter,
                "/postmortems/2",
                (request, response) -> response.getWriter().write("served"));
        Thread.sleep(200);

        var refused = send(filter, "/postmortems/3", (request, response) -> {}).get(1, TimeUnit.SECONDS);

        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentAsString()).contains("kintsugi.web.queued-requests");
        release.countDown();
        assertThat(queued.get(5, TimeUnit.SECONDS).getContentAsString()).isEqualTo("served");
    }
}
