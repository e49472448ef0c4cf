package org.kintsugi.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.web.filter.OncePerRequestFilter;

/** Send every page visit to the set-up page until the first administrator exists. */
class FirstRunFilter extends OncePerRequestFilter {

    private final UserManagement users;
    // Once someone exists there is no way back to an empty database, so stop asking.
    private final AtomicBoolean setUp = new AtomicBoolean();

    FirstRunFilter(UserManagement users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!setUp.get() && isPage(request.getRequestURI()) && users.needsSetup()) {
            response.sendRedirect(request.getContextPath() + "/setup");
            return;
        }
        if (!setUp.get() && !users.needsSetup()) {
            setUp.set(true);
        }
        chain.doFilter(request, response);
    }

    private static boolean isPage(String path) {
        return !(path.startsWith("/setup")
                || path.startsWith("/api/")
                || path.startsWith("/webjars/")
                || path.startsWith("/assets/")
                || path.equals("/favicon.ico")
                || path.startsWith("/actuator")
                || path.startsWith("/error")
                || path.startsWith("/v3/api-docs"));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return setUp.get();
    }
}
