package org.kintsugi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kintsugi.shared.TemplateContextConfiguration.ModelContexts;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.thymeleaf.context.IEngineContextFactory;
import org.thymeleaf.context.StandardEngineContextFactory;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.StringTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

class TemplateContextTests {

    final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/k/incidents");
    SpringTemplateEngine engine = engine(new ModelContexts());

    TemplateContextTests() {
        request.setContextPath("/k");
    }

    static SpringTemplateEngine engine(IEngineContextFactory contexts) {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(new StringTemplateResolver());
        engine.setEngineContextFactory(contexts);
        return engine;
    }

    String render(String template, Map<String, Object> model) {
        var servletContext = new MockServletContext();
        var exchange = JakartaServletWebApplication.buildApplication(servletContext)
                .buildExchange(request, new MockHttpServletResponse());
        return engine.process(template, new WebContext(exchange, Locale.UK, model));
    }

    @Test
    void theModelLoopsAndLocalsRenderWithoutBeingWrittenToTheRequest() {
        String html = render(
                "<p th:text=\"${title}\"></p><i th:each=\"s : ${services}\" th:text=\"${s}\"></i>"
                        + "<b th:with=\"n=${services.size()}\" th:text=\"${n}\"></b><u th:text=\"${s}\"></u>",
                Map.of("title", "Checkout down", "services", java.util.List.of("dns", "cdn")));
        assertThat(html).isEqualTo("<p>Checkout down</p><i>dns</i><i>cdn</i><b>2</b><u></u>");
        assertThat(request.getAttribute("title")).isNull();
        assertThat(request.getAttribute("s")).isNull();
        assertThat(request.getAttributeNames().hasMoreElements()).isFalse();
    }

    @Test
    void aNameTheModelLacksIsReadFromTheRequestAsBefore() {
        request.setParameter("severity", "SEV1", "SEV2");
        request.setAttribute("shown", "from a filter");
        String template = "<p th:text=\"${param.severity}\"></p><p th:text=\"${param.severity[1]}\"></p>"
                + "<p th:text=\"${shown}\"></p><p th:text=\"${missing == null}\"></p>"
                + "<a th:href=\"@{/incidents(q=${title})}\">x</a>";
        String html = render(template, Map.of("title", "disk full"));
        assertThat(html)
                .isEqualTo("<p>[SEV1, SEV2]</p><p>SEV2</p><p>from a filter</p><p>true</p>"
                        + "<a href=\"/k/incidents?q=disk%20full\">x</a>");
        engine = engine(new StandardEngineContextFactory());
        assertThat(render(template, Map.of("title", "disk full"))).isEqualTo(html);
    }

    @Test
    void theModelWinsOverARequestAttributeOfTheSameName() {
        request.setAttribute("title", "from the request");
        assertThat(render("<p th:text=\"${title}\"></p>", Map.of("title", "from the model")))
                .isEqualTo("<p>from the model</p>");
    }
}
