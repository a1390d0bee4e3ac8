package org.herald.notifier.webhook;

import java.net.UnknownHostException;

/**
 * An endpoint the guard refuses: a scheme other than http(s), a numeric host spelled
 * ambiguously, or a name or address in a refused network. An
 * {@link UnknownHostException}, so that HTTP client code that resolves through the guard
 * fails before any connection is made.
 */
final class RefusedEndpointException extends UnknownHostException {

    RefusedEndpointException(String message) {
        super(message);
    }

}
