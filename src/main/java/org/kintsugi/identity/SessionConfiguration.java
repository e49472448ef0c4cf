package org.kintsugi.identity;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/** Browser sessions in the database, written when they change rather than on every request. */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    /**
     * Wrap the session repository Spring Boot configures (which backs off as soon as another one is declared) once it
     * is ready, so the session filter uses {@link QuietSessions}.
     */
    @Bean
    static BeanPostProcessor quietSessions() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JdbcIndexedSessionRepository sessions ? new QuietSessions(sessions) : bean;
            }
        };
    }
}
