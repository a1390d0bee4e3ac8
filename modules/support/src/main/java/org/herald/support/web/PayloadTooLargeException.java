package org.herald.support.web;

import java.io.IOException;

/**
 * A request body longer than the configured limit; answered with 413.
 */
public class PayloadTooLargeException extends IOException {

    private final long limit;

    public PayloadTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long getLimit() {
        return this.limit;
    }

}
