package org.herald.support.net;

import java.net.UnknownHostException;

/**
 * A URL or address the guard refuses: a scheme other than http(s), a numeric host spelled
 * ambiguously, or a name or address in a refused network. An
 * {@link UnknownHostException}, so that HTTP client code that resolves through the guard
 * fails before any connection is made.
 */
public final class RefusedAddressException extends UnknownHostException {

    public RefusedAddressException(String message) {
        super(message);
    }

}
