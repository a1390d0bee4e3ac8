package org.herald.tagger.evaluation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class EvaluationCommandTests {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private final EvaluationCommand command = new EvaluationCommand(
            new PrintStream(this.out, true, StandardCharsets.UTF_8),
            new PrintStream(this.err, true, StandardCharsets.UTF_8));

    @Test
    void printsATableOfPerTagAndOverallFigures() throws IOException {
        int status = this.command.run("evaluate", "--labels", devSet().toString());

        assertThat(status).isZero();
        assertThat(output()).contains("Evaluated 61 announcements with taxonomy")
            .contains("precision")
            .contains("critical-minerals")
            .contains("micro")
            .contains("macro")
            .contains("relevance exact accuracy")
            .contains("relevance within-one accuracy")
            .contains("relevant-vs-irrelevant accuracy");
    }

    @Test
    void printsJsonForMachines() throws IOException {
        int status = this.command.run("evaluate", "--labels", devSet().toString(), "--json");

        assertThat(status).isZero();
        JsonNode json = JsonMapper.shared().readTree(output());
        assertThat(json.propertyNames()).contains("microF1", "macroF1", "relevantAccuracy", "relevanceExactAccuracy",
                "relevanceWithinOneAccuracy", "perTag");
        assertThat(json.get("perTag").get("aluminium").propertyNames()).contains("precision", "recall", "f1");
        assertThat(json.get("microF1").doubleValue()).isBetween(0.0, 1.0);
    }

    @Test
    void usesTheTaxonomyGiven() throws IOException {
        Path taxonomy = this.dir.resolve("taxonomy.yaml");
        Files.writeString(taxonomy, """
                fields: {title: 2, summary: 1, body: 0.5}
                tags:
                  aluminium: {threshold: 1, terms: [aluminium, aluminum]}
                relevance:
                  - {relevance: 3, any: [aluminium]}
                """);
        org.herald.tagger.tagging.TermsOnlyWeights.writeBeside(taxonomy, "aluminium");

        int status = this.command.run("evaluate", "--labels", devSet().toString(), "--taxonomy", taxonomy.toString(),
                "--json");

        assertThat(status).isZero();
        JsonNode json = JsonMapper.shared().readTree(output());
        assertThat(json.get("perTag").get("aluminium").get("truePositives").intValue()).isPositive();
        assertThat(json.get("perTag").get("packaging").get("truePositives").intValue()).isZero();
    }

    @Test
    void scoresDirectTagsAndReportsImpliedOnesApart() throws IOException {
        Path taxonomy = this.dir.resolve("taxonomy.yaml");
        Files.writeString(taxonomy, """
                fields: {title: 2, summary: 1, body: 0.5}
                tags:
                  critical-minerals:
                    threshold: 1
                    terms: [critical minerals]
                    implies: [{tag: aluminium, weight: 0.8, reason: Aluminium is on the UK Critical Minerals List}]
                  aluminium: {threshold: 1, terms: [aluminium]}
                relevance:
                  - {relevance: 3, any: [aluminium]}
                  - {relevance: 2, any: [critical-minerals]}
                """);
        org.herald.tagger.tagging.TermsOnlyWeights.writeBeside(taxonomy, "critical-minerals", "aluminium");
        Path labels = this.dir.resolve("labels.jsonl");
        Files.writeString(labels, """
                {"title": "Critical minerals strategy", "tags": ["critical-minerals"], "relevance": 2}
                {"title": "Critical minerals for smelters", "tags": ["critical-minerals", "aluminium"], "relevance": 2}
                {"title": "Aluminium tariffs", "tags": ["aluminium"], "relevance": 3}
                """);

        assertThat(this.command.run("evaluate", "--labels", labels.toString(), "--taxonomy", taxonomy.toString(),
                "--json"))
            .isZero();
        JsonNode json = JsonMapper.shared().readTree(output());
        JsonNode aluminium = json.get("perTag").get("aluminium");
        assertThat(aluminium.get("truePositives").intValue()).as("direct tags only").isEqualTo(1);
        assertThat(aluminium.get("falsePositives").intValue()).isZero();
        assertThat(aluminium.get("falseNegatives").intValue()).isEqualTo(1);
        assertThat(json.get("relevanceExactAccuracy").doubleValue()).as("relevance from direct tags").isEqualTo(1.0);
        JsonNode implied = json.get("implied").get("aluminium");
        assertThat(implied.get("implied").intValue()).isEqualTo(2);
        assertThat(implied.get("labelled").intValue()).isEqualTo(1);
        assertThat(implied.get("precision").doubleValue()).isEqualTo(0.5);
        assertThat(json.get("implied").has("critical-minerals")).isFalse();

        this.out.reset();
        assertThat(this.command.run("evaluate", "--labels", labels.toString(), "--taxonomy", taxonomy.toString()))
            .isZero();
        assertThat(output()).contains("Implied tags (not in the figures above, which score direct tags only)")
            .containsPattern("aluminium +2 +1 +0\\.500");
    }

    @Test
    void acceptsItemsWithoutBodyOrPublishedDate() throws IOException {
        Path labels = this.dir.resolve("labels.jsonl");
        Files.writeString(labels,
                """
                        {"id": "a", "title": "Aluminium tariffs", "published": null, "tags": ["aluminium", "trade-tariffs"], "relevance": 3}

                        {"title": "Wimbledon ballot", "summary": null, "body": "Tickets.", "tags": [], "relevance": 0}
                        """);

        assertThat(this.command.run("evaluate", "--labels", labels.toString())).isZero();
        assertThat(output()).contains("Evaluated 2 announcements");
    }

    @Test
    void exitsWithTwoNamingTheLineOfAMalformedItem() throws IOException {
        Path labels = this.dir.resolve("labels.jsonl");
        Files.writeString(labels, """
                {"title": "Aluminium tariffs", "tags": ["aluminium"], "relevance": 3}
                {"title": "Broken", "tags": [
                """);

        int status = this.command.run("evaluate", "--labels", labels.toString());

        assertThat(status).isEqualTo(2);
        assertThat(errors()).contains("line 2").contains("not valid JSON");
    }

    @Test
    void exitsWithTwoOnAnItemWithoutLabels() throws IOException {
        Path labels = this.dir.resolve("labels.jsonl");
        Files.writeString(labels, "{\"title\": \"Aluminium tariffs\", \"relevance\": 3}\n");

        assertThat(this.command.run("evaluate", "--labels", labels.toString())).isEqualTo(2);
        assertThat(errors()).contains("line 1").contains("'tags'");
    }

    @Test
    void exitsWithTwoOnBadArgumentsOrAnInvalidTaxonomy() throws IOException {
        assertThat(this.command.run("evaluate")).isEqualTo(2);
        assertThat(errors()).contains("--labels FILE.jsonl is required").contains("usage:");
        assertThat(this.command.run("evaluate", "--labels", "no-such-file.jsonl")).isEqualTo(2);
        Path taxonomy = this.dir.resolve("bad.yaml");
        Files.writeString(taxonomy, "fields: {title: 2, summary: 1}\n");
        assertThat(this.command.run("evaluate", "--labels", devSet().toString(), "--taxonomy", taxonomy.toString()))
            .isEqualTo(2);
        assertThat(errors()).contains("bad.yaml is invalid: the file: missing 'relevance'");
    }

    @Test
    void crossValidatesWithWeightsFittedOnTheOtherFolds() throws IOException {
        int status = this.command.run("evaluate", "--labels", devSet().toString(), "--cross-validate", "3");

        assertThat(status).isZero();
        assertThat(output()).contains("Evaluated 61 announcements with taxonomy")
            .contains("+cv3")
            .contains("micro")
            .contains("relevant-vs-irrelevant accuracy");
    }

    @Test
    void refusesTooFewFolds() throws IOException {
        assertThat(this.command.run("evaluate", "--labels", devSet().toString(), "--cross-validate", "1")).isEqualTo(2);
        assertThat(errors()).contains("at least 2 folds");
    }

    @Test
    void fitsWeightsThatEvaluateThenReadsBesideTheTaxonomy() throws IOException {
        Path taxonomy = this.dir.resolve("mine.yaml");
        try (InputStream in = getClass().getResourceAsStream("/taxonomy/default.yaml")) {
            Files.copy(in, taxonomy);
        }
        FitCommand fit = new FitCommand(new PrintStream(this.out, true, StandardCharsets.UTF_8),
                new PrintStream(this.err, true, StandardCharsets.UTF_8));

        assertThat(fit.run("fit", "--labels", devSet().toString(), "--taxonomy", taxonomy.toString())).isZero();
        assertThat(this.dir.resolve("mine.weights.json")).exists();
        assertThat(output()).contains("Fitted weights for 15 tags on 61 items");

        assertThat(this.command.run("evaluate", "--labels", devSet().toString(), "--taxonomy", taxonomy.toString(),
                "--json"))
            .isZero();
        String json = output().substring(output().indexOf('{'));
        assertThat(JsonMapper.shared().readTree(json).get("microF1").doubleValue()).isGreaterThan(0.9);
    }

    @Test
    void exitsWithTwoWhenTheWeightsBesideTheTaxonomyAreMissing() throws IOException {
        Path taxonomy = this.dir.resolve("alone.yaml");
        try (InputStream in = getClass().getResourceAsStream("/taxonomy/default.yaml")) {
            Files.copy(in, taxonomy);
        }

        assertThat(this.command.run("evaluate", "--labels", devSet().toString(), "--taxonomy", taxonomy.toString()))
            .isEqualTo(2);
        assertThat(errors()).contains("alone.weights.json").contains("fit");
    }

    private Path devSet() throws IOException {
        Path copy = this.dir.resolve("announcements-dev.jsonl");
        try (InputStream in = getClass().getResourceAsStream("/data/announcements-dev.jsonl")) {
            Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return copy;
    }

    private String output() {
        return this.out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return this.err.toString(StandardCharsets.UTF_8);
    }

}
