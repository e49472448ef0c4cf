package org.kintsugi.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hold form posts to the rule JSON bodies follow ({@link RequestJson}): no control characters but tab and line
 * breaks in what a person sends. A browser's form never sends them from typing; a request that does is refused with
 * {@code 400}, naming the field and the character, before anything is saved.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class FormTextFilter extends OncePerRequestFilter {

    /** Look at the parameters of every write, from the form body or the address; uploads are read elsewhere. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return "GET".equals(request.getMethod())
                || "HEAD".equals(request.getMethod())
                || (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            for (String value : parameter.getValue()) {
                String problem = PlainTextRule.problem(value);
                if (problem != null) {
                    refuse(response, parameter.getKey(), problem);
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletResponse response, String field, String problem) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write("{\"type\":\"/problems/invalid-input\",\"title\":\"Invalid input\",\"status\":400,"
                        + "\"detail\":\"Some fields need attention.\",\"errors\":[{\"field\":" + quote(field)
                        + ",\"message\":" + quote(problem) + "}]}");
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
