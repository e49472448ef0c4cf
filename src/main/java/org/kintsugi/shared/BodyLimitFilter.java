package org.kintsugi.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuse a request body larger than {@code kintsugi.limits.request-body} before anything reads it: a declared length
 * over the limit gets {@code 413} at once, and a body sent without a length is cut off where it passes the limit. A
 * request a {@link LargeRequestBody} covers is held to that one's limit instead.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class BodyLimitFilter extends OncePerRequestFilter {

    private final Bound standard;
    private final List<LargeRequestBody> larger;

    /** A limit on a body: how many bytes, its setting and the field it names. */
    private record Bound(long max, String setting, String field) {}

    // Read as a plain setting rather than through Limits, so web slices that pick up filters but not settings load.
    BodyLimitFilter(
            @Value("${kintsugi.limits.request-body:4MB}") DataSize max, ObjectProvider<LargeRequestBody> larger) {
        this.standard = new Bound(max.toBytes(), "request-body", "body");
        this.larger = larger.orderedStream().toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Bound bound = bound(request);
        if (request.getContentLengthLong() > bound.max()) {
            refuse(response, bound, request.getContentLengthLong());
            return;
        }
        chain.doFilter(request.getContentLengthLong() < 0 ? new Counted(request, bound) : request, response);
    }

    private Bound bound(HttpServletRequest request) {
        for (LargeRequestBody body : larger) {
            if (body.covers(request)) {
                return new Bound(body.max(), body.setting(), body.field());
            }
        }
        return standard;
    }

    private void refuse(HttpServletResponse response, Bound bound, long length) throws IOException {
        long max = bound.max();
        LimitExceededException e = tooLarge(bound, length);
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader("Connection", "close");
        String json = "{\"type\":\"/problems/limit-exceeded\",\"title\":\"Limit exceeded\",\"status\":413,"
                + "\"detail\":\"" + e.getMessage() + "\",\"limit\":\"" + e.setting() + "\",\"max\":" + max
                + ",\"errors\":[{\"field\":\"" + e.field() + "\",\"message\":\"" + e.getMessage() + "\"}]}";
        response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }

    private static LimitExceededException tooLarge(Bound bound, long length) {
        long max = bound.max();
        return new LimitExceededException(
                LimitExceededException.Kind.TOO_LARGE,
                bound.field(),
                bound.setting(),
                max,
                "The request body has "
                        + (length < 0
                                ? "more than " + LimitExceededException.count(max)
                                : LimitExceededException.count(length))
                        + " bytes; at most " + LimitExceededException.count(max) + " are read");
    }

    /** A request whose body came without a length, read up to the limit and no further. */
    private static final class Counted extends HttpServletRequestWrapper {

        private final Bound bound;
        private @Nullable ServletInputStream stream;

        Counted(HttpServletRequest request, Bound bound) {
            super(request);
            this.bound = bound;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        count(b < 0 ? 0 : 1);
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        count(Math.max(n, 0));
                        return n;
                    }

                    private void count(int n) {
                        read += n;
                        if (read > bound.max()) {
                            throw tooLarge(bound, -1);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
