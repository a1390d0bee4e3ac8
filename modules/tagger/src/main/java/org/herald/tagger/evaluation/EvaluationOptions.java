package org.herald.tagger.evaluation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** The parsed arguments of the {@code evaluate} command. */
record EvaluationOptions(Path labels, @Nullable Path taxonomy, @Nullable Path weights, @Nullable Integer folds,
        boolean termsOnly, boolean json, boolean showMisses, long seed) {

    static EvaluationOptions parse(String... args) {
        Path labels = null;
        Path taxonomy = null;
        Path weights = null;
        Integer folds = null;
        boolean termsOnly = false;
        boolean json = false;
        boolean showMisses = false;
        Long seed = null;
        List<String> list = List.of(args);
        int start = (!list.isEmpty() && EvaluationCommand.NAME.equals(list.get(0))) ? 1 : 0;
        for (int i = start; i < list.size(); i++) {
            switch (list.get(i)) {
                case "--labels" -> labels = existingFile(list, ++i, "--labels");
                case "--taxonomy" -> taxonomy = existingFile(list, ++i, "--taxonomy");
                case "--weights" -> weights = existingFile(list, ++i, "--weights");
                case "--cross-validate" -> folds = folds(list, ++i);
                case "--terms-only" -> termsOnly = true;
                case "--json" -> json = true;
                case "--show-misses" -> showMisses = true;
                case "--seed" -> seed = seed(list, ++i);
                default -> throw new IllegalArgumentException("unknown argument '" + list.get(i) + "'");
            }
        }
        if (labels == null) {
            throw new IllegalArgumentException("--labels FILE.jsonl is required");
        }
        if (termsOnly && (folds != null || weights != null)) {
            throw new IllegalArgumentException("--terms-only uses no weights: not with --cross-validate or --weights");
        }
        if (seed != null && folds == null) {
            throw new IllegalArgumentException("--seed shuffles the folds: only with --cross-validate");
        }
        return new EvaluationOptions(labels, taxonomy, weights, folds, termsOnly, json, showMisses,
                (seed != null) ? seed : CrossValidation.SEED);
    }

    private static long seed(List<String> args, int index) {
        if (index >= args.size() || !args.get(index).matches("[0-9]{1,18}")) {
            throw new IllegalArgumentException("--seed needs a whole number, e.g. 1");
        }
        return Long.parseLong(args.get(index));
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
