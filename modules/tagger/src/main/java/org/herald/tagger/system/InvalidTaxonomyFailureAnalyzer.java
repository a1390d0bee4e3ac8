package org.herald.tagger.system;

import org.herald.tagger.taxonomy.InvalidTaxonomyException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a bad taxonomy at start-up into a short report naming the problem, instead of a
 * stack trace.
 */
class InvalidTaxonomyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidTaxonomyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidTaxonomyException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Correct the taxonomy file (docs/tagging.md describes the format), or point herald.tagger.taxonomy at a valid one.",
                cause);
    }

}
