package org.herald.publisher.feed;

/**
 * A feed document that cannot be read, or fetched, at all.
 */
class InvalidFeedException extends RuntimeException {

    InvalidFeedException(String message, Throwable cause) {
        super(message, cause);
    }

    InvalidFeedException(String message) {
        super(message);
    }

}
