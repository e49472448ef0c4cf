package org.kintsugi.shared;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Make {@code kintsugi.data-dir} absolute, so {@code KINTSUGI_DATA_DIR=data} works as well as {@code ./data}: H2
 * refuses file paths that are only implicitly relative.
 */
public class DataDirectoryEnvironment implements EnvironmentPostProcessor {

    static final String PROPERTY = "kintsugi.data-dir";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String dir = environment.getProperty(PROPERTY, "./data");
        String absolute = Path.of(dir).toAbsolutePath().normalize().toString();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource("kintsugiDataDirectory", Map.of(PROPERTY, absolute)));
    }
}
