package org.kintsugi.shared;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Serve WebJars under their version-less paths ({@code /webjars/htmx.org/dist/htmx.min.js}) as written in the
 * templates, without rewriting links. The rewriting filter would otherwise look up every link of every page against
 * the resource handlers, which cost about a twentieth of rendering a page.
 */
@Configuration(proxyBeanMethods = false)
class WebResourcesConfiguration {

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
