package org.herald.support;

import java.io.IOException;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.core.io.support.PropertySourceFactory;

/**
 * Loads a service's defaults from a YAML file named after it (e.g.
 * {@code herald-publisher.yml}) through
 * {@code @PropertySource(value = "classpath:herald-publisher.yml", factory = ServiceDefaults.class)}.
 * <p>
 * Services keep their defaults out of {@code application.yml} so that the three of them
 * can run in one JVM (the all-in-one app) without one jar's {@code application.yml}
 * hiding another's. Defaults loaded this way rank below every {@code application.yml},
 * environment variable and command-line argument, so any of those overrides them as
 * usual.
 */
public class ServiceDefaults implements PropertySourceFactory {

    @Override
    public PropertySource<?> createPropertySource(@Nullable String name, EncodedResource resource) throws IOException {
        String sourceName = (name != null) ? name : resource.getResource().getDescription();
        List<PropertySource<?>> documents = new YamlPropertySourceLoader().load(sourceName, resource.getResource());
        if (documents.size() != 1) {
            throw new IllegalStateException(
                    resource.getResource().getDescription() + " must hold exactly one YAML document");
        }
        return documents.get(0);
    }

}
