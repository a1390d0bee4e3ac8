package org.herald.notifier.console;

import java.util.Locale;
import java.util.Map;

/**
 * A small server-rendered SVG line chart of deliveries sent per minute, one line per
 * channel, with a title and description for screen readers. Only numbers and fixed names
 * go into it.
 */
final class DeliveryChart {

    private static final int WIDTH = 600;

    private static final int HEIGHT = 160;

    private static final int PAD = 28;

    private static final Map<String, String> COLOURS = Map.of("email", "#1d4f91", "webhook", "#b35900");

    private DeliveryChart() {
    }

    static String svg(Map<String, long[]> series) {
        long max = 1;
        int points = 0;
        long total = 0;
        for (long[] counts : series.values()) {
            points = Math.max(points, counts.length);
            for (long count : counts) {
                max = Math.max(max, count);
                total += count;
            }
        }
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" "
                        + "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">",
                WIDTH, HEIGHT, WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append("<title id=\"chart-title\">Deliveries sent per minute, last ")
            .append(points)
            .append(" minutes</title>");
        svg.append("<desc id=\"chart-desc\">").append(total).append(" sent in all; at most ").append(max);
        svg.append(" in one minute</desc>");
        svg.append(String.format(Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#f6f6f6\" stroke=\"#bbb\"/>", PAD, 4,
                WIDTH - PAD - 4, HEIGHT - PAD - 4));
        svg.append(String.format(Locale.ROOT, "<text x=\"2\" y=\"14\" font-size=\"11\">%d</text>", max));
        svg.append(String.format(Locale.ROOT, "<text x=\"2\" y=\"%d\" font-size=\"11\">0</text>", HEIGHT - PAD));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\">-%d min</text>", PAD,
                HEIGHT - 10, points));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\">now</text>", WIDTH - 30,
                HEIGHT - 10));
        int legend = 0;
        for (Map.Entry<String, long[]> line : series.entrySet()) {
            String colour = COLOURS.getOrDefault(line.getKey(), "#333");
            svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(colour).append("\" points=\"");
            long[] counts = line.getValue();
            for (int i = 0; i < counts.length; i++) {
                double x = PAD + (counts.length == 1 ? 0 : (double) i * (WIDTH - PAD - 4) / (counts.length - 1));
                double y = 4 + (HEIGHT - PAD - 4) * (1 - (double) counts[i] / max);
                svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            svg.append("\"/>");
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"%s\">%s</text>",
                    120 + legend * 90, HEIGHT - 10, colour, line.getKey()));
            legend++;
        }
        return svg.append("</svg>").toString();
    }

}
