package org.herald.tagger.evaluation;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.herald.tagger.tagging.InvalidModelException;
import org.herald.tagger.tagging.MiniLmEmbedder;
import org.herald.tagger.tagging.SignalReader;
import org.herald.tagger.tagging.Signals;
import org.herald.tagger.tagging.TagWeights;
import org.herald.tagger.taxonomy.InvalidTaxonomyException;
import org.herald.tagger.taxonomy.TaxonomyReader;
import org.jspecify.annotations.Nullable;

/**
 * {@code fit --labels FILE.jsonl [--taxonomy FILE.yaml] [--out FILE.json]}: fits the
 * combined tagger's weights on every labelled announcement and writes the weights file
 * (by default the one beside {@code --taxonomy}; {@code --out} is required with the
 * bundled taxonomy). Staff run it after editing the taxonomy's terms, descriptions or
 * examples, then commit the two files together. Needs no broker, database or network.
 * Exit status 0 when it wrote the file, 2 on bad input.
 */
public final class FitCommand {

    /** The argument that selects this command. */
    public static final String NAME = "fit";

    private static final String USAGE = "usage: fit --labels FILE.jsonl [--taxonomy FILE.yaml] [--out FILE.json]";

    private final PrintStream out;

    private final PrintStream err;

    public FitCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * Runs the command; {@code args} may start with {@value #NAME}. Returns the exit
     * status.
     */
    public int run(String... args) {
        CommandLogging.quiet();
        Path labels = null;
        Path taxonomy = null;
        Path output = null;
        List<String> list = List.of(args);
        try {
            int start = (!list.isEmpty() && NAME.equals(list.get(0))) ? 1 : 0;
            for (int i = start; i < list.size(); i++) {
                switch (list.get(i)) {
                    case "--labels" -> labels = EvaluationOptions.existingFile(list, ++i, "--labels");
                    case "--taxonomy" -> taxonomy = EvaluationOptions.existingFile(list, ++i, "--taxonomy");
                    case "--out" -> output = path(list, ++i);
                    default -> throw new IllegalArgumentException("unknown argument '" + list.get(i) + "'");
                }
            }
            if (labels == null) {
                throw new IllegalArgumentException("--labels FILE.jsonl is required");
            }
            if (output == null) {
                if (taxonomy == null) {
                    throw new IllegalArgumentException("--out FILE.json is required with the bundled taxonomy");
                }
                output = TaggerFiles.besideTaxonomy(taxonomy);
            }
        }
        catch (IllegalArgumentException ex) {
            this.err.println("fit: " + ex.getMessage());
            this.err.println(USAGE);
            return EvaluationCommand.BAD_INPUT;
        }
        try {
            TagWeights weights = fit(labels, taxonomy);
            Files.writeString(output, weights.toJson(), StandardCharsets.UTF_8);
            this.out.printf(Locale.ROOT, "Fitted weights for %d tags on %s items of %s; wrote %s%n",
                    weights.tags().size(), weights.fittedOn().get("items"), labels, output);
            return EvaluationCommand.OK;
        }
        catch (InvalidLabelsException | InvalidTaxonomyException | InvalidModelException ex) {
            this.err.println("fit: " + ex.getMessage());
            return EvaluationCommand.BAD_INPUT;
        }
        catch (IOException ex) {
            this.err.println("fit: cannot write " + output + ": " + ex.getMessage());
            return EvaluationCommand.BAD_INPUT;
        }
    }

    static TagWeights fit(Path labels, @Nullable Path taxonomyFile) {
        List<LabelledAnnouncement> items = LabelsFile.read(labels);
        TaggerFiles.Content taxonomy = TaggerFiles.taxonomy(taxonomyFile);
        try (SignalReader reader = new SignalReader(TaxonomyReader.read(taxonomy.bytes(), taxonomy.origin()),
                MiniLmEmbedder.bundled())) {
            List<Signals> signals = LabelledAnnouncement.signals(reader, items);
            Map<String, String> fittedOn = new LinkedHashMap<>();
            fittedOn.put("taxonomy", reader.taxonomy().version());
            fittedOn.put("labels", labels.getFileName().toString());
            fittedOn.put("items", Integer.toString(items.size()));
            return WeightsFitting.fit(reader.taxonomy(), reader.embedder().model(), items, signals, fittedOn);
        }
    }

    private static Path path(List<String> args, int index) {
        if (index >= args.size()) {
            throw new IllegalArgumentException("--out needs a file");
        }
        return Path.of(args.get(index));
    }

}
