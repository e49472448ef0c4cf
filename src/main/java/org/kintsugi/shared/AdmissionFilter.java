package org.kintsugi.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Let a bounded number of requests (by default twice the cores, at least 4) do their work at once and queue the rest
 * first come, first served, while Tomcat's threads go on reading the requests that arrive. Page work is CPU-bound:
 * with every request working at once the cores were shared thinly and latency spread (and with virtual threads some
 * requests waited seconds); measured with the load benchmark on 2 cores this filter raised the incident page from
 * about 870 to about 1,400 requests/s and cut its p95 from about 68 to about 40 ms. Set
 * {@code kintsugi.web.concurrent-requests} to change the bound.
 *
 * <p>The queue is bounded too: Tomcat's threads wait in it, and when every thread waits, nothing is left to answer the
 * health probe or to read the next request. So at most {@code kintsugi.web.queued-requests} wait (by default Tomcat's
 * threads less the working ones and two spare); a request beyond that is answered {@code 503} with
 * {@code Retry-After} at once. Health probes never queue: a probe that waits behind a busy node gets it restarted.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdmissionFilter extends OncePerRequestFilter {

    private final Semaphore permits;
    private final int queue;
    private final AtomicInteger waiting = new AtomicInteger();

    AdmissionFilter(
            @Value("${kintsugi.web.concurrent-requests:0}") int concurrent,
            @Value("${kintsugi.web.queued-requests:-1}") int queued,
            @Value("${server.tomcat.threads.max:200}") int threads) {
        int limit = concurrent > 0
                ? concurrent
                : Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        this.permits = new Semaphore(limit, true);
        this.queue = queued >= 0 ? queued : Math.max(1, threads - limit - 2);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/actuator/health");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!permits.tryAcquire()) {
            if (waiting.incrementAndGet() > queue) {
                waiting.decrementAndGet();
                busy(response);
                return;
            }
            try {
                permits.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                return;
            } finally {
                waiting.decrementAndGet();
            }
        }
        try {
            chain.doFilter(request, response);
        } finally {
            permits.release();
        }
    }

    private void busy(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        String json = "{\"title\":\"Busy\",\"status\":503,\"detail\":\"" + queue
                + " requests are already waiting their turn; try again in a second"
                + " (kintsugi.web.queued-requests = " + queue
                + ")\",\"limit\":\"kintsugi.web.queued-requests\",\"max\":"
                + queue + "}";
        response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return true;
    }
}
