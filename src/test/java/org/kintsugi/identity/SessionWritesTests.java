package org.kintsugi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.kintsugi.support.KintsugiServerTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Browser sessions are read on every page but written only when something in them changes, and still expire. */
@KintsugiServerTest
class SessionWritesTests {

    final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    UserManagement users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void readingPagesLeavesTheSessionRowAlone() throws Exception {
        UserView member = new TestPeople(users).member();
        String cookie = signIn(member.email());
        long recorded = lastAccess(member.email());

        assertThat(page(cookie).statusCode()).isEqualTo(200);
        assertThat(page(cookie).statusCode()).isEqualTo(200);

        assertThat(lastAccess(member.email())).isEqualTo(recorded);
    }

    @Test
    void aRequestRecordsItsTimeOnceTheRecordedAccessIsAMinuteOld() throws Exception {
        UserView member = new TestPeople(users).member();
        String cookie = signIn(member.email());
        long twoMinutesAgo = Instant.now().minus(Duration.ofMinutes(2)).toEpochMilli();
        setLastAccess(member.email(), twoMinutesAgo);

        assertThat(page(cookie).statusCode()).isEqualTo(200);

        assertThat(lastAccess(member.email()))
                .isGreaterThan(twoMinutesAgo + Duration.ofSeconds(90).toMillis());
    }

    @Test
    void aSessionIdleForItsTimeoutIsSignedOut() throws Exception {
        UserView member = new TestPeople(users).member();
        String cookie = signIn(member.email());
        setLastAccess(
                member.email(), Instant.now().minus(Duration.ofMinutes(31)).toEpochMilli());

        var page = page(cookie);

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    long lastAccess(String email) {
        return jdbc.sql("select last_access_time from spring_session where principal_name = :email")
                .param("email", email)
                .query(Long.class)
                .single();
    }

    void setLastAccess(String email, long at) {
        jdbc.sql("""
                        update spring_session set last_access_time = :at,
                               expiry_time = :at + 1000 * cast(max_inactive_interval as bigint)
                        where principal_name = :email""").param("at", at).param("email", email).update();
    }

    HttpResponse<String> page(String cookie) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/incidents"))
                        .header("Cookie", cookie)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    String signIn(String email) throws Exception {
        var login = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String csrf = Jsoup.parse(login.body()).selectFirst("input[name=_csrf]").attr("value");
        String form = Map.of("username", email, "password", TestPeople.PASSWORD, "_csrf", csrf).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var signedIn = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Cookie", cookie(login))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        return cookie(signedIn);
    }

    static String cookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("SESSION="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()))
                .split(";", 2)[0];
    }
}
