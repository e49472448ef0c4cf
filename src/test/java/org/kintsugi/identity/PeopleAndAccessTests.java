package org.kintsugi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.junit.jupiter.api.Test;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.support.KintsugiAppTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@KintsugiAppTest
class PeopleAndAccessTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestPeople people;

    @Autowired
    UserManagement users;

    @Autowired
    Users repository;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void createsTheFirstAdministratorFromSettings() {
        UserView admin = users.all().stream()
                .filter(u -> u.email().equals(TestPeople.ADMIN_EMAIL))
                .findFirst()
                .orElseThrow();
        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        assertThat(users.needsSetup()).isFalse();
    }

    @Test
    void hashesPasswordsWithArgon2() {
        UserView member = people.member();
        String hash = repository.findById(member.id()).orElseThrow().passwordHash();
        assertThat(hash).startsWith("{argon2}$argon2id$");
        assertThat(passwords.matches(TestPeople.PASSWORD, hash)).isTrue();
    }

    @Test
    void formLoginSignsInAndOut() {
        UserView member = people.member();
        var login = mvc.post()
                .uri("/login")
                .param("username", member.email())
                .param("password", TestPeople.PASSWORD)
                .with(csrf())
                .exchange();
        assertThat(login).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/incidents");
        var wrong = mvc.post()
                .uri("/login")
                .param("username", member.email())
                .param("password", "not-the-password")
                .with(csrf())
                .exchange();
        assertThat(wrong).hasRedirectedUrl("/login?error");
    }

    @Test
    void formsWithoutCsrfTokenAreRefused() {
        UserView member = people.member();
        var result = mvc.post()
                .uri("/incidents")
                .with(user(KintsugiPrincipal.of(member)))
                .param("title", "x")
                .exchange();
        assertThat(result).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void viewersReadButCannotChange() {
        UserView viewer = people.viewer();
        assertThat(mvc.get()
                        .uri("/incidents")
                        .with(user(KintsugiPrincipal.of(viewer)))
                        .exchange())
                .hasStatusOk();
        var declare = mvc.post()
                .uri("/incidents")
                .with(user(KintsugiPrincipal.of(viewer)))
                .with(csrf())
                .param("title", "x")
                .exchange();
        assertThat(declare).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get()
                        .uri("/incidents/new")
                        .with(user(KintsugiPrincipal.of(viewer)))
                        .exchange())
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void administratorsAddPeopleAndChangeTheirRoles() {
        UserView admin = users.all().stream()
                .filter(u -> u.role() == Role.ADMIN)
                .findFirst()
                .orElseThrow();
        String email = "new-" + System.nanoTime() + "@kintsugi.test";
        var add = mvc.post()
                .uri("/admin/users")
                .with(user(KintsugiPrincipal.of(admin)))
                .with(csrf())
                .param("email", email)
                .param("displayName", "Grace")
                .param("password", "long-enough-password")
                .param("role", "VIEWER")
                .exchange();
        assertThat(add).hasStatus(HttpStatus.FOUND);
        UserView added = users.all().stream()
                .filter(u -> u.email().equals(email))
                .findFirst()
                .orElseThrow();
        assertThat(added.role()).isEqualTo(Role.VIEWER);
        mvc.post()
                .uri("/admin/users/{id}/role", added.id())
                .with(user(KintsugiPrincipal.of(admin)))
                .with(csrf())
                .param("role", "MEMBER")
                .exchange();
        assertThat(users.find(added.id()).role()).isEqualTo(Role.MEMBER);
        mvc.post()
                .uri("/admin/users/{id}/deactivate", added.id())
                .with(user(KintsugiPrincipal.of(admin)))
                .with(csrf())
                .exchange();
        assertThat(users.find(added.id()).active()).isFalse();
    }

    @Test
    void addingAPersonNamesEachBadField() {
        UserView admin = users.all().stream()
                .filter(u -> u.role() == Role.ADMIN)
                .findFirst()
                .orElseThrow();
        var result = mvc.post()
                .uri("/admin/users")
                .with(user(KintsugiPrincipal.of(admin)))
                .with(csrf())
                .param("email", "not-an-email")
                .param("displayName", "Kept Name")
                .param("password", "short")
                .param("role", "MEMBER")
                .exchange();
        assertThat(result).hasStatusOk();
        assertThat(result)
                .bodyText()
                .contains("Email is not an email address")
                .contains("Password must be 10 to 200 characters")
                .contains("value=\"Kept Name\"");
    }

    @Test
    void membersCannotOpenThePeoplePage() {
        UserView member = people.member();
        assertThat(mvc.get()
                        .uri("/admin/users")
                        .with(user(KintsugiPrincipal.of(member)))
                        .exchange())
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void keepsAtLeastOneActiveAdministrator() {
        UserView extra = people.add(Role.ADMIN);
        users.all().stream()
                .filter(u -> u.role() == Role.ADMIN && u.id() != extra.id() && u.active())
                .forEach(u -> users.deactivate(u.id()));
        assertThatThrownBy(() -> users.deactivate(extra.id()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least one active administrator");
        assertThatThrownBy(() -> users.changeRole(extra.id(), Role.MEMBER)).isInstanceOf(InvalidInputException.class);
        users.all().stream().filter(u -> u.role() == Role.ADMIN && !u.active()).forEach(u -> users.activate(u.id()));
    }

    @Test
    void profileIssuesATokenShownOnce() {
        UserView member = people.member();
        var issue = mvc.post()
                .uri("/profile/tokens")
                .with(user(KintsugiPrincipal.of(member)))
                .with(csrf())
                .param("name", "script")
                .exchange();
        assertThat(issue).hasStatus(HttpStatus.OK);
        assertThat(issue).bodyText().contains("Copy it now").containsPattern("kts_\\S{40,}");
        assertThat(issue).headers().hasValue("Cache-Control", "no-store");
        assertThat(issue).flash().isEmpty();
        var page = mvc.get()
                .uri("/profile")
                .with(user(KintsugiPrincipal.of(member)))
                .exchange();
        assertThat(page).bodyText().contains("script").contains("never").doesNotContain("Copy it now");
    }
}
