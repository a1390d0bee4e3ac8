package org.herald.tagger.evaluation;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.herald.tagger.tagging.CombinedTagger;
import org.herald.tagger.tagging.Embedder;
import org.herald.tagger.tagging.InvalidModelException;
import org.herald.tagger.tagging.MiniLmEmbedder;
import org.herald.tagger.tagging.RelevanceTagger;
import org.herald.tagger.tagging.SignalReader;
import org.herald.tagger.taxonomy.InvalidTaxonomyException;
import org.herald.tagger.taxonomy.TaxonomyReader;
import org.jspecify.annotations.Nullable;

/**
 * {@code evaluate --labels FILE.jsonl [--taxonomy FILE.yaml] [--weights FILE.json]
 * [--cross-validate K | --terms-only] [--json] [--show-misses]}: tags every labelled
 * announcement with the taxonomy and its fitted weights (the bundled ones by default) and
 * prints per-tag precision, recall and F1, micro and macro F1, and relevance accuracy, as
 * a table or as JSON, all of direct tags, then, apart, how often each implied tag was
 * implied and how often the labels agree. With {@code --cross-validate K} it ignores the
 * weights file and tags each of K folds with weights fitted on the other folds only
 * ({@link CrossValidation}); with {@code --terms-only}, with the taxonomy's terms alone.
 * Needs no broker, database, web server or network. Exit status 0 when it ran, 2 on bad
 * input (arguments, labels, taxonomy, weights or model).
 */
public final class EvaluationCommand {

    /** The argument that selects this command. */
    public static final String NAME = "evaluate";

    /** Where the bundled taxonomy is on the class path. */
    public static final String DEFAULT_TAXONOMY = TaggerFiles.DEFAULT_TAXONOMY;

    static final int OK = 0;

    static final int BAD_INPUT = 2;

    private static final String USAGE = "usage: evaluate --labels FILE.jsonl [--taxonomy FILE.yaml] [--weights FILE.json]"
            + " [--cross-validate K | --terms-only] [--json] [--show-misses]";

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
        Options options;
        try {
            options = Options.parse(args);
        }
        catch (IllegalArgumentException ex) {
            this.err.println("evaluate: " + ex.getMessage());
            this.err.println(USAGE);
            return BAD_INPUT;
        }
        try {
            Evaluated evaluated = evaluate(options);
            if (options.json()) {
                printJson(evaluated.report(), evaluated.implied());
            }
            else {
                printTable(evaluated.report(), options.showMisses());
                printImplied(evaluated.implied());
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

    private static Evaluated evaluate(Options options) {
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
                return new Evaluated(CrossValidation.run(reader, items, options.folds()), ImpliedTagsReport.none());
            }
        }
        TaggerFiles.Content weights = TaggerFiles.weights(options.taxonomy(), options.weights());
        try (CombinedTagger tagger = CombinedTagger.load(taxonomy.bytes(), taxonomy.origin(), weights.bytes(),
                weights.origin(), embedder)) {
            return new Evaluated(Evaluation.run(tagger, items), ImpliedTagsReport.run(tagger, items));
        }
    }

    private void printTable(EvaluationReport report, boolean showMisses) {
        this.out.printf(Locale.ROOT, "Evaluated %d announcements with taxonomy %s%n%n", report.items(),
                report.taxonomyVersion());
        this.out.printf(Locale.ROOT, "%-32s %9s %7s %6s %8s %4s %4s %4s%n", "tag", "precision", "recall", "F1",
                "labelled", "TP", "FP", "FN");
        report.perTag()
            .forEach((tag, score) -> this.out.printf(Locale.ROOT, "%-32s %9.3f %7.3f %6.3f %8d %4d %4d %4d%n", tag,
                    score.precision(), score.recall(), score.f1(), score.support(), score.truePositives(),
                    score.falsePositives(), score.falseNegatives()));
        this.out.println();
        this.out.printf(Locale.ROOT, "%-32s precision %.3f  recall %.3f  F1 %.3f%n", "micro", report.microPrecision(),
                report.microRecall(), report.microF1());
        this.out.printf(Locale.ROOT, "%-32s F1 %.3f%n", "macro", report.macroF1());
        this.out.printf(Locale.ROOT, "%-32s %.3f%n", "relevance exact accuracy", report.relevanceExactAccuracy());
        this.out.printf(Locale.ROOT, "%-32s %.3f%n", "relevance within-one accuracy",
                report.relevanceWithinOneAccuracy());
        this.out.printf(Locale.ROOT, "%-32s %.3f%n", "relevant-vs-irrelevant accuracy", report.relevantAccuracy());
        if (showMisses) {
            this.out.printf(Locale.ROOT, "%n%d announcement(s) not tagged as labelled:%n", report.misses().size());
            for (EvaluationReport.Miss miss : report.misses()) {
                this.out.printf(Locale.ROOT, "  %s: missing %s, unexpected %s, relevance %d labelled, %d predicted%n",
                        miss.id(), miss.missing(), miss.unexpected(), miss.labelledRelevance(),
                        miss.predictedRelevance());
            }
        }
    }

    private void printImplied(ImpliedTagsReport implied) {
        if (implied.perTag().isEmpty()) {
            return;
        }
        this.out.printf(Locale.ROOT, "%nImplied tags (not in the figures above, which score direct tags only)%n");
        this.out.printf(Locale.ROOT, "%-32s %8s %8s %9s%n", "tag", "implied", "labelled", "precision");
        implied.perTag()
            .forEach((tag, score) -> this.out.printf(Locale.ROOT, "%-32s %8d %8d %9.3f%n", tag, score.implied(),
                    score.labelled(), score.precision()));
    }

    private void printJson(EvaluationReport report, ImpliedTagsReport implied) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("items", report.items());
        json.put("taxonomyVersion", report.taxonomyVersion());
        json.put("microPrecision", report.microPrecision());
        json.put("microRecall", report.microRecall());
        json.put("microF1", report.microF1());
        json.put("macroF1", report.macroF1());
        json.put("relevantAccuracy", report.relevantAccuracy());
        json.put("relevanceExactAccuracy", report.relevanceExactAccuracy());
        json.put("relevanceWithinOneAccuracy", report.relevanceWithinOneAccuracy());
        Map<String, Object> perTag = new LinkedHashMap<>();
        report.perTag().forEach((tag, score) -> {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("precision", score.precision());
            figures.put("recall", score.recall());
            figures.put("f1", score.f1());
            figures.put("support", score.support());
            figures.put("truePositives", score.truePositives());
            figures.put("falsePositives", score.falsePositives());
            figures.put("falseNegatives", score.falseNegatives());
            perTag.put(tag, figures);
        });
        json.put("perTag", perTag);
        Map<String, Object> impliedTags = new LinkedHashMap<>();
        implied.perTag().forEach((tag, score) -> {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("implied", score.implied());
            figures.put("labelled", score.labelled());
            figures.put("precision", score.precision());
            impliedTags.put(tag, figures);
        });
        json.put("implied", impliedTags);
        JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        this.out.println(mapper.writeValueAsString(json));
    }

    /**
     * What an evaluation found: the direct tags' figures and, apart, the implied tags'
     * (none under cross-validation, whose folds each have their own tagger).
     */
    private record Evaluated(EvaluationReport report, ImpliedTagsReport implied) {
    }

    /** The parsed arguments. */
    record Options(Path labels, @Nullable Path taxonomy, @Nullable Path weights, @Nullable Integer folds,
            boolean termsOnly, boolean json, boolean showMisses) {

        static Options parse(String... args) {
            Path labels = null;
            Path taxonomy = null;
            Path weights = null;
            Integer folds = null;
            boolean termsOnly = false;
            boolean json = false;
            boolean showMisses = false;
            List<String> list = List.of(args);
            int start = (!list.isEmpty() && NAME.equals(list.get(0))) ? 1 : 0;
            for (int i = start; i < list.size(); i++) {
                switch (list.get(i)) {
                    case "--labels" -> labels = existingFile(list, ++i, "--labels");
                    case "--taxonomy" -> taxonomy = existingFile(list, ++i, "--taxonomy");
                    case "--weights" -> weights = existingFile(list, ++i, "--weights");
                    case "--cross-validate" -> folds = folds(list, ++i);
                    case "--terms-only" -> termsOnly = true;
                    case "--json" -> json = true;
                    case "--show-misses" -> showMisses = true;
                    default -> throw new IllegalArgumentException("unknown argument '" + list.get(i) + "'");
                }
            }
            if (labels == null) {
                throw new IllegalArgumentException("--labels FILE.jsonl is required");
            }
            if (termsOnly && (folds != null || weights != null)) {
                throw new IllegalArgumentException(
                        "--terms-only uses no weights: not with --cross-validate or --weights");
            }
            return new Options(labels, taxonomy, weights, folds, termsOnly, json, showMisses);
        }

        private static int folds(List<String> args, int index) {
            if (index >= args.size() || !args.get(index).matches("[0-9]{1,4}")) {
                throw new IllegalArgumentException("--cross-validate needs a number of folds, e.g. 5");
            }
            int folds = Integer.parseInt(args.get(index));
            if (folds < 2) {
                throw new IllegalArgumentException("--cross-validate needs at least 2 folds, was " + folds);
            }
            return folds;
        }

        static Path existingFile(List<String> args, int index, String option) {
            if (index >= args.size()) {
                throw new IllegalArgumentException(option + " needs a file");
            }
            Path path = Path.of(args.get(index));
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException(option + ": no such file " + path);
            }
            return path;
        }

    }

}
