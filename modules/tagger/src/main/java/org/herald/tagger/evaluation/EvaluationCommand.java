package org.herald.tagger.evaluation;

import java.io.PrintStream;
import java.util.List;

import org.herald.tagger.tagging.CombinedTagger;
import org.herald.tagger.tagging.Embedder;
import org.herald.tagger.tagging.InvalidModelException;
import org.herald.tagger.tagging.MiniLmEmbedder;
import org.herald.tagger.tagging.RelevanceTagger;
import org.herald.tagger.tagging.SignalReader;
import org.herald.tagger.taxonomy.InvalidTaxonomyException;
import org.herald.tagger.taxonomy.TaxonomyReader;

/**
 * {@code evaluate --labels FILE.jsonl [--taxonomy FILE.yaml] [--weights FILE.json]
 * [--cross-validate K [--seed N] | --terms-only] [--json] [--show-misses]}: tags every
 * labelled announcement with the taxonomy and its fitted weights (the bundled ones by
 * default) and prints per-tag precision, recall and F1, micro and macro F1, and relevance
 * accuracy, as a table or as JSON, all of direct tags, then, apart, how often each
 * implied tag was implied and how often the labels agree. With {@code --cross-validate K}
 * it ignores the weights file and tags each of K folds with weights fitted on the other
 * folds only ({@link CrossValidation}); with {@code --terms-only}, with the taxonomy's
 * terms alone. Needs no broker, database, web server or network. Exit status 0 when it
 * ran, 2 on bad input (arguments, labels, taxonomy, weights or model).
 */
public final class EvaluationCommand {

    /** The argument that selects this command. */
    public static final String NAME = "evaluate";

    /** Where the bundled taxonomy is on the class path. */
    public static final String DEFAULT_TAXONOMY = TaggerFiles.DEFAULT_TAXONOMY;

    static final int OK = 0;

    static final int BAD_INPUT = 2;

    private static final String USAGE = "usage: evaluate --labels FILE.jsonl [--taxonomy FILE.yaml] [--weights FILE.json]"
            + " [--cross-validate K [--seed N] | --terms-only] [--json] [--show-misses]";

    private final PrintStream out;

    private final PrintStream err;

    public EvaluationCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * Runs the command; {@code args} may start with {@value #NAME}. Returns the exit
     * status.
     */
    public int run(String... args) {
        CommandLogging.quiet();
        EvaluationOptions options;
        try {
            options = EvaluationOptions.parse(args);
        }
        catch (IllegalArgumentException ex) {
            this.err.println("evaluate: " + ex.getMessage());
            this.err.println(USAGE);
            return BAD_INPUT;
        }
        try {
            Evaluated evaluated = evaluate(options);
            EvaluationPrinter printer = new EvaluationPrinter(this.out);
            if (options.json()) {
                printer.json(evaluated.report(), evaluated.implied());
            }
            else {
                printer.table(evaluated.report(), options.showMisses());
                printer.implied(evaluated.implied());
            }
            return OK;
        }
        catch (InvalidLabelsException | InvalidTaxonomyException | InvalidModelException ex) {
            this.err.println("evaluate: " + ex.getMessage());
            return BAD_INPUT;
        }
        catch (IllegalArgumentException ex) {
            this.err.println("evaluate: " + ex.getMessage());
            this.err.println(USAGE);
            return BAD_INPUT;
        }
    }

    private static Evaluated evaluate(EvaluationOptions options) {
        List<LabelledAnnouncement> items = LabelsFile.read(options.labels());
        TaggerFiles.Content taxonomy = TaggerFiles.taxonomy(options.taxonomy());
        if (options.termsOnly()) {
            try (RelevanceTagger tagger = new RelevanceTagger(
                    TaxonomyReader.read(taxonomy.bytes(), taxonomy.origin()))) {
                return new Evaluated(Evaluation.run(tagger, items), ImpliedTagsReport.run(tagger, items));
            }
        }
        TaxonomyReader.read(taxonomy.bytes(), taxonomy.origin());
        Embedder embedder = MiniLmEmbedder.bundled();
        if (options.folds() != null) {
            try (SignalReader reader = new SignalReader(TaxonomyReader.read(taxonomy.bytes(), taxonomy.origin()),
                    embedder)) {
                return new Evaluated(CrossValidation.run(reader, items, options.folds(), options.seed()),
                        ImpliedTagsReport.none());
            }
        }
        TaggerFiles.Content weights = TaggerFiles.weights(options.taxonomy(), options.weights());
        try (CombinedTagger tagger = CombinedTagger.load(taxonomy.bytes(), taxonomy.origin(), weights.bytes(),
                weights.origin(), embedder)) {
            return new Evaluated(Evaluation.run(tagger, items), ImpliedTagsReport.run(tagger, items));
        }
    }

    /**
     * What an evaluation found: the direct tags' figures and, apart, the implied tags'
     * (none under cross-validation, whose folds each have their own tagger).
     */
    private record Evaluated(EvaluationReport report, ImpliedTagsReport implied) {
    }

}
