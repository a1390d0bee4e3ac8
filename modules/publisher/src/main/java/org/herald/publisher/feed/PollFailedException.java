package org.herald.publisher.feed;

/** A poll that stopped part way, having remembered some entries. */
final class PollFailedException extends RuntimeException {

    private final int remembered;

    PollFailedException(String message, int remembered) {
        super(message);
        this.remembered = remembered;
    }

    int remembered() {
        return this.remembered;
    }

}
