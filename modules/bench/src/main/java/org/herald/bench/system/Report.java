package org.herald.bench.system;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The benchmark's results: a row per figure (Herald's, the ceiling's when there is one,
 * their ratio), printed as a table and written as JSON, and facts about the run (cores,
 * settings).
 */
final class Report {

    private final Map<String, String> facts = new LinkedHashMap<>();

    private final List<Row> rows = new ArrayList<>();

    void fact(String key, Object value) {
        this.facts.put(key, String.valueOf(value));
    }

    void row(String scenario, String figure, double herald, @Nullable Double ceiling, String unit, String note) {
        this.rows.add(new Row(scenario, figure, herald, ceiling, unit, note));
    }

    List<Row> rows() {
        return List.copyOf(this.rows);
    }

    void print(PrintStream out) {
        this.facts.forEach((key, value) -> out.println(key + ": " + value));
        out.println();
        String format = "| %-9s | %-48s | %12s | %12s | %6s | %s%n";
        out.printf(Locale.ROOT, format, "scenario", "figure", "Herald", "ceiling", "ratio", "note");
        out.printf(Locale.ROOT, "|%s|%s|%s|%s|%s|%s%n", "-".repeat(11), "-".repeat(50), "-".repeat(14), "-".repeat(14),
                "-".repeat(8), "---");
        for (Row row : this.rows) {
            out.printf(Locale.ROOT, format, row.scenario, row.figure + " (" + row.unit + ")", number(row.herald),
                    (row.ceiling != null) ? number(row.ceiling) : "", ratio(row), row.note);
        }
    }

    void write(Path file) throws IOException {
        StringBuilder json = new StringBuilder("{\n  \"facts\": {");
        json.append(this.facts.entrySet()
            .stream()
            .map((fact) -> "\n    " + quote(fact.getKey()) + ": " + quote(fact.getValue()))
            .collect(Collectors.joining(",")));
        json.append("\n  },\n  \"results\": [");
        json.append(this.rows.stream().map(Report::json).collect(Collectors.joining(",")));
        json.append("\n  ]\n}\n");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, json);
    }

    private static String json(Row row) {
        return String.format(Locale.ROOT,
                "%n    {\"scenario\": %s, \"figure\": %s, \"unit\": %s, \"herald\": %s, \"ceiling\": %s,"
                        + " \"ratio\": %s, \"note\": %s}",
                quote(row.scenario), quote(row.figure), quote(row.unit), plain(row.herald),
                (row.ceiling != null) ? plain(row.ceiling) : "null",
                (row.ceiling != null && row.ceiling != 0) ? plain(row.herald / row.ceiling) : "null", quote(row.note));
    }

    private static String ratio(Row row) {
        return (row.ceiling != null && row.ceiling != 0)
                ? String.format(Locale.ROOT, "%.0f %%", 100 * row.herald / row.ceiling) : "";
    }

    private static String number(double value) {
        return (Math.abs(value) >= 100) ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String plain(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    }
                    else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    record Row(String scenario, String figure, double herald, @Nullable Double ceiling, String unit, String note) {
    }

}
