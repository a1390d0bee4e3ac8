package org.herald.app.gateway;

import java.util.List;

/**
 * Requests whose path starts with one of {@code prefixes} go to the service listening on
 * {@code port}.
 *
 * @param service the service's name, for logs and errors
 * @param prefixes path prefixes, e.g. {@code /api/v1/announcements}
 * @param port the port of the service's own web server; {@code null} while it is starting
 */
record Route(String service, List<String> prefixes, Integer port) {

    boolean matches(String path) {
        return this.prefixes.stream()
            .anyMatch((prefix) -> path.equals(prefix) || path.startsWith(prefix + "/")
                    || (prefix.endsWith("/") && path.startsWith(prefix)));
    }

}
