package org.herald.tagger.tagging;

/**
 * An embedding model that cannot be loaded or does not work; the message names the model
 * and the problem.
 */
public class InvalidModelException extends RuntimeException {

    public InvalidModelException(String message, Throwable cause) {
        super(message, cause);
    }

}
