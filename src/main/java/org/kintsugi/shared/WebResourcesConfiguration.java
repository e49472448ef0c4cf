package org.kintsugi.shared;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Serve WebJars under their version-less paths ({@code /webjars/htmx.org/dist/htmx.min.js}) as written in the
 * templates, without rewriting links. The rewriting filter would otherwise look up every link of every page against
 * the resource handlers, which cost about a twentieth of rendering a page. Serve the icon at {@code /favicon.ico} too,
 * where browsers look for it on pages that do not link one (the sign-in page's error, a raw JSON answer).
 */
@Configuration(proxyBeanMethods = false)
class WebResourcesConfiguration implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/favicon.ico").addResourceLocations("classpath:/static/");
    }

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
