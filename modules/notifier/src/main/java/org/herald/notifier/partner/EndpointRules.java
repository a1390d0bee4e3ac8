package org.herald.notifier.partner;

import java.net.URI;
import java.util.Optional;

/**
 * Which webhook endpoints may be registered: the webhook channel's guard against requests
 * to internal networks answers it, so registration refuses what sending would refuse.
 */
@FunctionalInterface
public interface EndpointRules {

    /**
     * Why {@code url} (absolute, http or https, with a host) may not be used; empty if it
     * may.
     */
    Optional<String> refusal(URI url);

}
