package org.kintsugi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kintsugi.KintsugiApplication;
import org.kintsugi.identity.signin.FailedSignIn;
import org.kintsugi.identity.signin.SignInThrottle;
import org.kintsugi.support.KintsugiServerTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/** Kintsugi behind a TLS-terminating proxy, and as several nodes on one database. */
@KintsugiServerTest
class BehindAProxyAndAcrossNodesTests {

    final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Autowired
    UserManagement users;

    @Autowired
    SignInThrottle throttle;

    @Nested
    @DisplayName("behind a proxy")
    class BehindAProxy {

        @Test
        void theSessionCookieIsSecureWhenATrustedProxySaysTheRequestCameOverHttps() throws Exception {
            var viaTls = get(port, "/login", "X-Forwarded-Proto", "https");
            assertThat(sessionCookie(viaTls)).contains("Secure").contains("HttpOnly");

            var plain = get(port, "/login");
            assertThat(sessionCookie(plain)).doesNotContain("Secure");
        }

        @Test
        void failedSignInsNameTheClientTheProxyForwardedFor() throws Exception {
            var login = get(port, "/login");
            String body =
                    form(Map.of("username", "forwarded@kintsugi.test", "password", "wrong", "_csrf", csrf(login)));
            http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                            .header("Cookie", cookie(login))
                            .header("X-Forwarded-For", "203.0.113.7")
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(throttle.recent(50))
                    .filteredOn(f -> f.email().equals("forwarded@kintsugi.test"))
                    .extracting(FailedSignIn::clientAddress)
                    .containsExactly("203.0.113.7");
        }
    }

    @Nested
    @DisplayName("across nodes")
    class AcrossNodes {

        @Test
        void aPersonSignedInOnOneNodeIsSignedInOnAnother() throws Exception {
            UserView member = new TestPeople(users).member();
            String session = signIn(port, member.email());
            try (var second = secondNode()) {
                int secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
                var page = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + secondPort + "/incidents"))
                                .header("Cookie", session)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.body()).contains(member.displayName());
            }
        }

        /** Start a second Kintsugi on the same database, as another node would. */
        org.springframework.context.ConfigurableApplicationContext secondNode() throws Exception {
            List<String> args = new ArrayList<>(List.of(
                    "--kintsugi.test.db=off",
                    "--server.port=0",
                    "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                    "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                    "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                    "--spring.datasource.hikari.maximum-pool-size=3",
                    "--kintsugi.data-dir=" + Files.createTempDirectory("kintsugi-second-node"),
                    "--kintsugi.admin.email=" + TestPeople.ADMIN_EMAIL,
                    "--kintsugi.admin.password=" + TestPeople.PASSWORD));
            if (environment.getProperty("spring.flyway.schemas") != null) {
                args.add("--spring.flyway.schemas=" + environment.getProperty("spring.flyway.schemas"));
            }
            return new SpringApplicationBuilder(KintsugiApplication.class).run(args.toArray(String[]::new));
        }
    }

    String signIn(int port, String email) throws Exception {
        var login = get(port, "/login");
        var signedIn = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Cookie", cookie(login))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                form(Map.of("username", email, "password", TestPeople.PASSWORD, "_csrf", csrf(login)))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/incidents"));
        return cookie(signedIn);
    }

    HttpResponse<String> get(int port, String path, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("SESSION=") || c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
    }

    static String cookie(HttpResponse<?> response) {
        return sessionCookie(response).split(";", 2)[0];
    }

    static String csrf(HttpResponse<String> page) {
        return Jsoup.parse(page.body()).selectFirst("input[name=_csrf]").attr("value");
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
