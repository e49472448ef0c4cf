package org.kintsugi.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.junit.jupiter.api.Test;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.support.KintsugiAppTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Every page of every module answers a thing that is not there the same way: the 404 page naming what is missing. */
@KintsugiAppTest
class PageAdviceTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestPeople people;

    MvcTestResult get(String path) {
        return mvc.get()
                .uri(path)
                .with(user(KintsugiPrincipal.of(people.member())))
                .exchange();
    }

    @Test
    void aMissingIncidentPostmortemOrAccountIsTheNotFoundPage() {
        for (String path :
                new String[] {"/incidents/INC-99999", "/postmortems/99999", "/postmortems/99999/accounts/mine"}) {
            MvcTestResult result = get(path);
            assertThat(result).as(path).hasStatus(HttpStatus.NOT_FOUND);
            assertThat(result).as(path).hasViewName("error/404");
        }
    }

    @Test
    void aFormPostedToAMissingPostmortemIsTheNotFoundPageNotAServerError() {
        MvcTestResult result = mvc.post()
                .uri("/postmortems/99999/timeline/1/remove")
                .with(user(KintsugiPrincipal.of(people.member())))
                .with(csrf())
                .exchange();
        assertThat(result).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(result).hasViewName("error/404");
        assertThat(result).model().containsKey("message");
    }
}
