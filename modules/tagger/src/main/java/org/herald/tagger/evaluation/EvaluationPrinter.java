package org.herald.tagger.evaluation;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prints what the {@code evaluate} command found: as a table (with the implied tags
 * apart, and optionally the misses) or as JSON.
 */
final class EvaluationPrinter {

    private final PrintStream out;

    EvaluationPrinter(PrintStream out) {
        this.out = out;
    }

    void table(EvaluationReport report, boolean showMisses) {
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

    void implied(ImpliedTagsReport implied) {
        if (implied.perTag().isEmpty()) {
            return;
        }
        this.out.printf(Locale.ROOT, "%nImplied tags (not in the figures above, which score direct tags only)%n");
        this.out.printf(Locale.ROOT, "%-32s %8s %8s %9s%n", "tag", "implied", "labelled", "precision");
        implied.perTag()
            .forEach((tag, score) -> this.out.printf(Locale.ROOT, "%-32s %8d %8d %9.3f%n", tag, score.implied(),
                    score.labelled(), score.precision()));
    }

    void json(EvaluationReport report, ImpliedTagsReport implied) {
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

}
