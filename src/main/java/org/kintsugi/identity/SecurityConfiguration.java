package org.kintsugi.identity;

import java.util.Map;
import org.kintsugi.identity.signin.SignInLockedException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Two ways in: people sign in with a form and a session (CSRF on every form); programs call {@code /api/**} with a
 * personal token or HTTP Basic and no session. Viewers read, members write, administrators manage people.
 * {@code /actuator/**} answers programs likewise: health to anyone, metrics to administrators or a scrape token,
 * the rest to administrators.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        // Argon2id per OWASP; bcrypt is accepted for hashes imported from elsewhere.
        return new DelegatingPasswordEncoder(
                "argon2",
                Map.of(
                        "argon2",
                        Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                        "bcrypt",
                        new BCryptPasswordEncoder()));
    }

    @Bean
    RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role("ADMIN")
                .implies("MEMBER")
                .role("MEMBER")
                .implies("VIEWER")
                .build();
    }

    /**
     * Only Kintsugi's own scripts, styles and forms: no inline script or style (htmx is told not to add any), no
     * plugins, no framing. Images may be data: URLs, which Pico CSS draws its form controls with.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** Kintsugi uses none of these browser features, so no page (or anything injected into one) may. */
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    private static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY));
    }

    private static AuthenticationFailureHandler signInFailures() {
        var handler = new ExceptionMappingAuthenticationFailureHandler();
        handler.setDefaultFailureUrl("/login?error");
        handler.setExceptionMappings(Map.of(SignInLockedException.class.getName(), "/login?locked"));
        return handler;
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, TokenManagement tokens, ProblemResponses problems) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        // Trackers call back without a Kintsugi account; each hook checks its signature or token.
                        .requestMatchers(HttpMethod.POST, "/api/v1/trackers/*/webhook")
                        .permitAll()
                        .requestMatchers("/api/v1/tokens/**", "/api/v1/me", "/api/v1/sharing/subscription/**")
                        .authenticated()
                        .requestMatchers(
                                "/api/v1/sharing/**",
                                "/api/v1/users/**",
                                "/api/v1/sign-ins/**",
                                "/api/v1/backups/**",
                                "/api/v1/search/reindex")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/**")
                        .hasRole("VIEWER")
                        .requestMatchers(
                                "/api/v1/templates/**",
                                "/api/v1/postmortem-policy/**",
                                "/api/v1/action-settings/**",
                                "/api/v1/trackers/**",
                                "/api/v1/language/rules/**",
                                "/api/v1/why-settings/**",
                                "/api/v1/factor-categories/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .hasRole("MEMBER"))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .addFilterBefore(new BearerTokenFilter(tokens, problems), BasicAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .headers(SecurityConfiguration::headers)
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain operations(
            HttpSecurity http,
            TokenManagement tokens,
            ProblemResponses problems,
            @Value("${kintsugi.metrics.token:}") String metricsToken)
            throws Exception {
        return http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/actuator/prometheus")
                        .hasAnyAuthority(MetricsTokenFilter.AUTHORITY, Role.ADMIN.authority())
                        .anyRequest()
                        .hasRole("ADMIN"))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .addFilterBefore(new MetricsTokenFilter(metricsToken), BasicAuthenticationFilter.class)
                .addFilterBefore(new BearerTokenFilter(tokens, problems), BasicAuthenticationFilter.class)
                // An administrator's browser session is honoured, but programs get no session of their own.
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .csrf(csrf -> csrf.disable())
                .headers(SecurityConfiguration::headers)
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain web(HttpSecurity http, UserManagement users) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/login",
                                "/setup",
                                "/webjars/**",
                                "/assets/**",
                                "/favicon.ico",
                                "/error",
                                "/v3/api-docs/**",
                                "/swagger-ui/**",
                                "/swagger-ui.html")
                        .permitAll()
                        // An invitee answers a debrief invitation from the link in their mail, account or not: the
                        // unguessable token in the address is the key (debrief/web/AnswerPages).
                        .requestMatchers("/debriefs/answer/*")
                        .permitAll()
                        // A feed reader has no session: the person's feed token in the address is the key; the
                        // unsubscribe link in a mail works without signing in too (sharing/web).
                        .requestMatchers(HttpMethod.GET, "/feeds/postmortems.atom")
                        .permitAll()
                        .requestMatchers("/unsubscribe/*")
                        .permitAll()
                        .requestMatchers("/profile/**")
                        .authenticated()
                        .requestMatchers("/incidents/new", "/incidents/*/edit")
                        .hasRole("MEMBER")
                        .requestMatchers("/admin/**")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/**")
                        .hasRole("VIEWER")
                        .anyRequest()
                        .hasRole("MEMBER"))
                .formLogin(form -> form.loginPage("/login")
                        .defaultSuccessUrl("/incidents", false)
                        .failureHandler(signInFailures()))
                // Pages get the person from the model (SignedInPerson), not from a wrapped request.
                .servletApi(servletApi -> servletApi.disable())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(SecurityConfiguration::headers)
                .addFilterBefore(new FirstRunFilter(users), BasicAuthenticationFilter.class)
                .build();
    }
}
