package org.kintsugi.shared;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * End a start made only to record the JDK's AOT cache ({@code ./mvnw -Paot-cache package}): with
 * {@code kintsugi.aot-training=true}, the process stops once Kintsugi is ready to serve. Stopping when the beans are
 * made ({@code spring.context.exit=onRefresh}) would leave out what happens after that and before the first
 * request, such as the repositories, whose queries are parsed on the JPA start-up thread once the context is
 * refreshed, and the work of the ready listeners.
 */
@Component
class TrainingStart implements ApplicationListener<ApplicationReadyEvent> {

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        ConfigurableApplicationContext context = event.getApplicationContext();
        if (context.getEnvironment().getProperty("kintsugi.aot-training", Boolean.class, false)) {
            System.exit(SpringApplication.exit(context));
        }
    }
}
