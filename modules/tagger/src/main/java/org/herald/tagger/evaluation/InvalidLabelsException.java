package org.herald.tagger.evaluation;

/**
 * A labels file that cannot be read; the message names the file and, for a bad item, its
 * line.
 */
class InvalidLabelsException extends RuntimeException {

    InvalidLabelsException(String message) {
        super(message);
    }

    InvalidLabelsException(String message, Throwable cause) {
        super(message, cause);
    }

}
