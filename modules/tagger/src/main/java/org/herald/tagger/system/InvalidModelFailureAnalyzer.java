package org.herald.tagger.system;

import org.herald.tagger.tagging.InvalidModelException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an embedding model that cannot be loaded at start-up into a short report naming
 * the problem, instead of a stack trace.
 */
class InvalidModelFailureAnalyzer extends AbstractFailureAnalyzer<InvalidModelException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidModelException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Unset herald.tagger.model and herald.tagger.model-tokenizer to use the bundled all-MiniLM-L6-v2,"
                        + " or point them at a working ONNX sentence-embedding model and its tokenizer.json"
                        + " (docs/tagging.md), and refit the weights for it.",
                cause);
    }

}
