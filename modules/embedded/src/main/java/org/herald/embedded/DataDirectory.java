package org.herald.embedded;

import java.nio.file.Path;

import org.springframework.core.env.Environment;

/** Where {@code herald.data-dir} (default {@code ./data}) points, as an absolute path. */
final class DataDirectory {

    static final String PROPERTY = "herald.data-dir";

    static final String DEFAULT = "./data";

    private DataDirectory() {
    }

    static Path of(Environment environment) {
        return Path.of(environment.getProperty(PROPERTY, DEFAULT)).toAbsolutePath().normalize();
    }

}
