package org.herald.tagger.taxonomy;

/**
 * A taxonomy file that cannot be used; the message names the file and the problem.
 */
public class InvalidTaxonomyException extends RuntimeException {

    public InvalidTaxonomyException(String message) {
        super(message);
    }

    public InvalidTaxonomyException(String message, Throwable cause) {
        super(message, cause);
    }

}
