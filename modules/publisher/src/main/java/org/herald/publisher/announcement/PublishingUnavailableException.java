package org.herald.publisher.announcement;

/**
 * The announcement could not be published now (the broker did not acknowledge it in time,
 * or the database is unreachable) and nothing of it was kept: the sender may try again.
 */
public class PublishingUnavailableException extends RuntimeException {

    PublishingUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

}
