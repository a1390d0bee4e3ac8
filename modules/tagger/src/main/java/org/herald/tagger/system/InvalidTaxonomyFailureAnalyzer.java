package org.herald.tagger.system;

import org.herald.tagger.taxonomy.InvalidTaxonomyException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a bad taxonomy or weights file at start-up into a short report naming the
 * problem, instead of a stack trace.
 */
class InvalidTaxonomyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidTaxonomyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidTaxonomyException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Correct the taxonomy file or the weights file beside it (docs/tagging.md describes both; refit the weights"
                        + " with the fit command), or point herald.tagger.taxonomy at a valid one.",
                cause);
    }

}
