package org.herald.embedded;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Quiets the embedded servers' own logging to warnings (the Kafka broker alone logs
 * hundreds of lines at start-up; {@link EmbeddedDefaults} logs where data lives and which
 * ports were chosen). Each level applies only where {@code logging.level.<name>} is not
 * set, and ranks below every configuration source, so it is overridden as usual. Runs
 * before logging is initialised, as logging levels must.
 */
public class EmbeddedLoggingDefaults implements EnvironmentPostProcessor {

    static final String PROPERTY_SOURCE = "heraldEmbeddedLoggingDefaults";

    private static final String[] QUIET = { "kafka", "state.change.logger", "org.apache.kafka",
            "io.zonky.test.db.postgres", "com.icegreen.greenmail" };

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("herald.embedded.enabled", Boolean.class, true)) {
            return;
        }
        Map<String, Object> levels = new LinkedHashMap<>();
        for (String name : QUIET) {
            String key = "logging.level." + name;
            if (!environment.containsProperty(key)) {
                levels.put(key, "WARN");
            }
        }
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, levels));
    }

}
