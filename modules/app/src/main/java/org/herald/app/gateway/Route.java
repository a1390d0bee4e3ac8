package org.herald.app.gateway;

import java.util.List;

/**
 * Requests whose path starts with one of {@code prefixes} go to the service listening on
 * {@code port}.
 *
 * @param service the service's name, for logs and errors
 * @param prefixes path prefixes, e.g. {@code /api/v1/announcements}; a segment that is a
 * lone star stands for any one non-empty segment (the announcement's id in the path of
 * the notifier's approve and cancel)
 * @param port the port of the service's own web server; {@code null} while it is starting
 */
record Route(String service, List<String> prefixes, Integer port) {

    boolean matches(String path) {
        return this.prefixes.stream()
            .anyMatch((prefix) -> prefix.contains("*") ? matchesSegments(prefix, path) : path.equals(prefix)
                    || path.startsWith(prefix + "/") || (prefix.endsWith("/") && path.startsWith(prefix)));
    }

    private static boolean matchesSegments(String prefix, String path) {
        String[] wanted = prefix.split("/", -1);
        String[] given = path.split("/", -1);
        if (given.length < wanted.length) {
            return false;
        }
        for (int i = 0; i < wanted.length; i++) {
            boolean any = wanted[i].equals("*");
            if ((any && given[i].isEmpty()) || (!any && !wanted[i].equals(given[i]))) {
                return false;
            }
        }
        return true;
    }

}
