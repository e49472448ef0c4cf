package org.kintsugi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kintsugi.support.KintsugiClockTest;
import org.kintsugi.support.MovableClock;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Guessing passwords: five wrong ones lock the account for a while, twenty lock the client address. */
@KintsugiClockTest
class SignInThrottleTests {

    static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestPeople people;

    @Autowired
    MovableClock clock;

    @Autowired
    UserManagement users;

    /** Each test signs in from an address of its own, so their counts do not mix. */
    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    static String newAddress() {
        return "10.9." + (ADDRESSES.get() / 250) + "." + (ADDRESSES.getAndIncrement() % 250 + 1);
    }

    MvcTestResult form(String email, String password, String address) {
        return mvc.post()
                .uri("/login")
                .param("username", email)
                .param("password", password)
                .with(csrf())
                .with(from(address))
                .exchange();
    }

    MvcTestResult basic(String email, String password, String address) {
        return mvc.get()
                .uri("/api/v1/me")
                .with(httpBasic(email, password))
                .with(from(address))
                .exchange();
    }

    @Nested
    @DisplayName("the sign-in form")
    class Form {

        @Test
        void locksTheAccountAfterFiveWrongPasswordsUntilTheLockRunsOut() {
            UserView member = people.member();
            String address = newAddress();
            for (int i = 0; i < 5; i++) {
                assertThat(form(member.email(), "wrong-" + i, address)).hasRedirectedUrl("/login?error");
            }
            assertThat(form(member.email(), TestPeople.PASSWORD, address)).hasRedirectedUrl("/login?locked");
            assertThat(mvc.get().uri("/login?locked").exchange())
                    .bodyText()
                    .contains("Too many failed sign-ins")
                    .contains("Try again in 15 minutes");

            clock.advance(Duration.ofMinutes(16));
            assertThat(form(member.email(), TestPeople.PASSWORD, address)).hasRedirectedUrl("/incidents");
        }

        @Test
        void locksTheAccountWhicheverAddressTheGuessesComeFrom() {
            UserView member = people.member();
            for (int i = 0; i < 5; i++) {
                form(member.email(), "wrong-" + i, newAddress());
            }
            assertThat(form(member.email(), TestPeople.PASSWORD, newAddress())).hasRedirectedUrl("/login?locked");
        }

        @Test
        void locksAnAddressThatGuessesAcrossManyAccounts() {
            String address = newAddress();
            for (int i = 0; i < 20; i++) {
                form("nobody-" + i + "@kintsugi.test", "wrong", address);
            }
            UserView member = people.member();
            assertThat(form(member.email(), TestPeople.PASSWORD, address)).hasRedirectedUrl("/login?locked");
            assertThat(form(member.email(), TestPeople.PASSWORD, newAddress())).hasRedirectedUrl("/incidents");
        }

        @Test
        void aSuccessfulSignInForgetsEarlierFailures() {
            UserView member = people.member();
            String address = newAddress();
            for (int i = 0; i < 4; i++) {
                form(member.email(), "wrong-" + i, address);
            }
            assertThat(form(member.email(), TestPeople.PASSWORD, address)).hasRedirectedUrl("/incidents");
            for (int i = 0; i < 4; i++) {
                form(member.email(), "wrong-" + i, address);
            }
            assertThat(form(member.email(), TestPeople.PASSWORD, address)).hasRedirectedUrl("/incidents");
        }
    }

    @Nested
    @DisplayName("HTTP Basic")
    class Basic {

        @Test
        void locksTheAccountAfterFiveWrongPasswordsWithAProblemNamingTheLimit() throws Exception {
            UserView member = people.member();
            String address = newAddress();
            for (int i = 0; i < 5; i++) {
                assertThat(basic(member.email(), "wrong-" + i, address)).hasStatus(HttpStatus.UNAUTHORIZED);
            }
            var locked = basic(member.email(), TestPeople.PASSWORD, address);
            assertThat(locked)
                    .hasStatus(HttpStatus.TOO_MANY_REQUESTS)
                    .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .containsHeader(HttpHeaders.RETRY_AFTER);
            assertThat(locked).bodyJson().extractingPath("$.limit").isEqualTo(5);
            assertThat(locked).bodyJson().extractingPath("$.errors[0].field").isEqualTo("username");

            clock.advance(Duration.ofMinutes(16));
            assertThat(basic(member.email(), TestPeople.PASSWORD, address)).hasStatusOk();
        }

        @Test
        void guessesSentAtOnceDoNotSlipInUnderTheLimit() throws Exception {
            UserView member = people.member();
            String address = newAddress();
            var pool = Executors.newFixedThreadPool(12);
            try {
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    String guess = "wrong-" + i;
                    answers.add(pool.submit(() ->
                            basic(member.email(), guess, address).getResponse().getStatus()));
                }
                List<Integer> statuses = new ArrayList<>();
                for (var answer : answers) {
                    statuses.add(answer.get());
                }
                // Only five passwords may be checked; every other guess is refused unheard.
                assertThat(statuses).filteredOn(s -> s == 401).hasSizeLessThanOrEqualTo(5);
                assertThat(statuses).filteredOn(s -> s == 429).hasSizeGreaterThanOrEqualTo(7);
            } finally {
                pool.shutdown();
            }
        }
    }

    @Nested
    @DisplayName("an unknown account")
    class UnknownAccount {

        @Test
        void answersExactlyLikeAWrongPasswordAndLocksAlike() throws Exception {
            UserView member = people.member();
            String unknown = "no-one-" + System.nanoTime() + "@kintsugi.test";
            for (int i = 0; i < 5; i++) {
                assertThat(form(unknown, "wrong-" + i, newAddress())).hasRedirectedUrl("/login?error");
                assertThat(form(member.email(), "wrong-" + i, newAddress())).hasRedirectedUrl("/login?error");
            }
            assertThat(form(unknown, "whatever", newAddress())).hasRedirectedUrl("/login?locked");
            assertThat(form(member.email(), "whatever", newAddress())).hasRedirectedUrl("/login?locked");
            String unknownBody =
                    basic(unknown, "whatever", newAddress()).getResponse().getContentAsString();
            String knownBody = basic(member.email(), "whatever", newAddress())
                    .getResponse()
                    .getContentAsString();
            assertThat(unknownBody.replaceAll("\"retryAfter\":\"[^\"]+\"|after [^.]+\\.", ""))
                    .isEqualTo(knownBody.replaceAll("\"retryAfter\":\"[^\"]+\"|after [^.]+\\.", ""));
        }

        @Test
        void takesAboutAsLongAsAWrongPassword() {
            UserView member = people.member();
            List<Long> unknown = new ArrayList<>();
            List<Long> wrong = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                unknown.add(timed(() -> basic("ghost-" + System.nanoTime() + "@kintsugi.test", "x", newAddress())));
                wrong.add(timed(() -> basic(member.email(), "wrong-" + System.nanoTime(), newAddress())));
            }
            // Both check a password hash (Argon2): an unknown email must not answer in a fraction of the time.
            assertThat(median(unknown)).isGreaterThan(median(wrong) / 3);
        }

        static long timed(Runnable attempt) {
            long start = System.nanoTime();
            attempt.run();
            return System.nanoTime() - start;
        }

        static long median(List<Long> times) {
            return times.stream().sorted().toList().get(times.size() / 2);
        }
    }

    @Nested
    @DisplayName("administrators")
    class Administrators {

        @Test
        void seeFailedSignInsAndLiftALockOnThePage() {
            UserView member = people.member();
            String address = newAddress();
            for (int i = 0; i < 5; i++) {
                form(member.email(), "wrong-" + i, address);
            }
            UserView admin = people.add(Role.ADMIN);
            var page = mvc.get()
                    .uri("/admin/sign-ins")
                    .with(user(KintsugiPrincipal.of(admin)))
                    .exchange();
            assertThat(page)
                    .hasStatusOk()
                    .bodyText()
                    .contains(member.email())
                    .contains(address)
                    .contains("Locked");
            assertThat(mvc.get()
                            .uri("/incidents")
                            .with(user(KintsugiPrincipal.of(admin)))
                            .exchange())
                    .bodyText()
                    .contains("href=\"/admin/sign-ins\"");

            var lift = mvc.post()
                    .uri("/admin/sign-ins/lift")
                    .with(user(KintsugiPrincipal.of(admin)))
                    .with(csrf())
                    .param("email", member.email())
                    .param("address", address)
                    .exchange();
            assertThat(lift).hasRedirectedUrl("/admin/sign-ins");
            assertThat(form(member.email(), TestPeople.PASSWORD, address)).hasRedirectedUrl("/incidents");
        }

        @Test
        void readFailuresAndLiftLocksThroughTheApi() {
            UserView member = people.member();
            String address = newAddress();
            for (int i = 0; i < 5; i++) {
                basic(member.email(), "wrong-" + i, address);
            }
            var failures = mvc.get()
                    .uri("/api/v1/sign-ins/failures")
                    .with(httpBasic(TestPeople.ADMIN_EMAIL, TestPeople.PASSWORD))
                    .exchange();
            assertThat(failures).hasStatusOk();
            assertThat(failures).bodyJson().extractingPath("$[0].email").isEqualTo(member.email());
            assertThat(failures).bodyJson().extractingPath("$[0].clientAddress").isEqualTo(address);
            assertThat(failures).bodyJson().extractingPath("$[0].locked").isEqualTo(true);
            assertThat(failures).bodyJson().extractingPath("$[0].at").isNotNull();

            var lift = mvc.post()
                    .uri("/api/v1/sign-ins/lift")
                    .with(httpBasic(TestPeople.ADMIN_EMAIL, TestPeople.PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"email\": \"" + member.email() + "\"}")
                    .exchange();
            assertThat(lift)
                    .hasStatusOk()
                    .bodyJson()
                    .extractingPath("$.failuresSetAside")
                    .isEqualTo(5);
            assertThat(basic(member.email(), TestPeople.PASSWORD, address)).hasStatusOk();
        }

        @Test
        void aLiftNeedsAnEmailOrAnAddress() {
            var lift = mvc.post()
                    .uri("/api/v1/sign-ins/lift")
                    .with(httpBasic(TestPeople.ADMIN_EMAIL, TestPeople.PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{}")
                    .exchange();
            assertThat(lift)
                    .hasStatus(HttpStatus.BAD_REQUEST)
                    .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(lift).bodyJson().extractingPath("$.errors[0].field").isEqualTo("email");
            assertThat(lift).bodyJson().extractingPath("$.errors[1].field").isEqualTo("address");
        }

        @Test
        void areTheOnlyOnesWhoSeeThem() {
            UserView member = people.member();
            assertThat(mvc.get()
                            .uri("/api/v1/sign-ins/failures")
                            .with(httpBasic(member.email(), TestPeople.PASSWORD))
                            .exchange())
                    .hasStatus(HttpStatus.FORBIDDEN);
            assertThat(mvc.get()
                            .uri("/admin/sign-ins")
                            .with(user(KintsugiPrincipal.of(member)))
                            .exchange())
                    .hasStatus(HttpStatus.FORBIDDEN);
        }
    }
}
