package org.kintsugi.shared;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.EngineContext;
import org.thymeleaf.context.IContext;
import org.thymeleaf.context.IEngineContext;
import org.thymeleaf.context.IEngineContextFactory;
import org.thymeleaf.context.IWebContext;
import org.thymeleaf.context.StandardEngineContextFactory;
import org.thymeleaf.context.WebEngineContext;
import org.thymeleaf.engine.TemplateData;
import org.thymeleaf.web.IWebExchange;

/**
 * Keep a page's model in a map while it renders. Thymeleaf's web context keeps every model entry and every loop or
 * local variable as a request attribute, so each {@code ${...}} went through the chain of request wrappers the
 * security and session filters put around the request (about a seventh of rendering a list page). Here the model
 * and the variables live in the template engine's own map; a name not found there is looked up as before, through
 * Thymeleaf's web context: {@code param}, {@code session}, {@code application} and the request's attributes.
 */
@Configuration(proxyBeanMethods = false)
class TemplateContextConfiguration {

    @Bean
    static BeanPostProcessor modelContexts() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof TemplateEngine engine) {
                    engine.setEngineContextFactory(new ModelContexts());
                }
                return bean;
            }
        };
    }

    /** Make a {@link ModelContext} for a page, and Thymeleaf's own context for anything rendered outside a request. */
    static final class ModelContexts implements IEngineContextFactory {

        private final IEngineContextFactory standard = new StandardEngineContextFactory();

        @Override
        public IEngineContext createEngineContext(
                IEngineConfiguration configuration,
                TemplateData templateData,
                Map<String, Object> templateResolutionAttributes,
                IContext context) {
            if (!(context instanceof IWebContext web)) {
                return standard.createEngineContext(configuration, templateData, templateResolutionAttributes, context);
            }
            Set<String> names = context.getVariableNames();
            Map<String, Object> variables = new HashMap<>(names.size() * 2);
            for (String name : names) {
                variables.put(name, context.getVariable(name));
            }
            return new ModelContext(
                    configuration,
                    templateData,
                    templateResolutionAttributes,
                    web.getExchange(),
                    web.getLocale(),
                    variables);
        }
    }

    /** A template's variables in a map, with Thymeleaf's web context behind it for every name the map lacks. */
    static final class ModelContext extends EngineContext implements IWebContext {

        private final IEngineConfiguration configuration;
        private final TemplateData templateData;
        private final Map<String, Object> templateResolutionAttributes;
        private final IWebExchange exchange;
        private @Nullable WebEngineContext web;

        ModelContext(
                IEngineConfiguration configuration,
                TemplateData templateData,
                Map<String, Object> templateResolutionAttributes,
                IWebExchange exchange,
                Locale locale,
                Map<String, Object> variables) {
            super(configuration, templateData, templateResolutionAttributes, locale, variables);
            this.configuration = configuration;
            this.templateData = templateData;
            this.templateResolutionAttributes = templateResolutionAttributes;
            this.exchange = exchange;
        }

        @Override
        public IWebExchange getExchange() {
            return exchange;
        }

        @Override
        public boolean containsVariable(String name) {
            return super.containsVariable(name) || web().containsVariable(name);
        }

        @Override
        public @Nullable Object getVariable(String name) {
            Object value = super.getVariable(name);
            return value != null || super.containsVariable(name) ? value : web().getVariable(name);
        }

        @Override
        public Set<String> getVariableNames() {
            Set<String> names = new LinkedHashSet<>(super.getVariableNames());
            names.addAll(web().getVariableNames());
            return names;
        }

        /** Thymeleaf's web context with no variables of its own: it reads the request, never writes to it. */
        private WebEngineContext web() {
            if (web == null) {
                web = new WebEngineContext(
                        configuration, templateData, templateResolutionAttributes, exchange, getLocale(), Map.of());
            }
            return web;
        }
    }
}
