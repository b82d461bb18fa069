package dev.remediator.dashboard;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.remediator.store.DashboardStore.DayOutcome;

/**
 * Remediation outcomes per day as an SVG bar chart, stacked by outcome, drawn on the server: no script, and nothing
 * but numbers, dates and fixed words goes into it.
 */
final class OutcomeChart {

    /** The final states drawn, bottom up, with their colours. */
    private static final Map<String, String> COLOURS = new LinkedHashMap<>();

    static {
        COLOURS.put("DONE", "#2da44e");
        COLOURS.put("FAILED", "#cf222e");
        COLOURS.put("REJECTED", "#8c959f");
        COLOURS.put("EXPIRED", "#bf8700");
        COLOURS.put("SKIPPED", "#d0d7de");
    }

    private static final int WIDTH = 640;
    private static final int HEIGHT = 180;
    private static final int AXIS = 24;

    private OutcomeChart() {
    }

    static String svg(List<DayOutcome> outcomes, LocalDate first, LocalDate last) {
        int days = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
        long[][] counts = new long[days][COLOURS.size()];
        List<String> states = List.copyOf(COLOURS.keySet());
        for (DayOutcome outcome : outcomes) {
            int day = (int) (outcome.day().toEpochDay() - first.toEpochDay());
            int state = states.indexOf(outcome.outcome());
            if (day >= 0 && day < days && state >= 0) {
                counts[day][state] += outcome.count();
            }
        }
        long max = 1;
        for (long[] day : counts) {
            max = Math.max(max, java.util.Arrays.stream(day).sum());
        }
        double barWidth = (double) WIDTH / days;
        double unit = (HEIGHT - AXIS) / (double) max;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"Remediation outcomes per day\" class=\"chart\">",
                WIDTH, HEIGHT + 16));
        for (int day = 0; day < days; day++) {
            double top = HEIGHT - AXIS;
            for (int state = 0; state < states.size(); state++) {
                long count = counts[day][state];
                if (count == 0) {
                    continue;
                }
                double height = count * unit;
                top -= height;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                        + "fill=\"%s\"><title>%s %s: %d</title></rect>", day * barWidth + 1, top, barWidth - 2,
                        height, COLOURS.get(states.get(state)), first.plusDays(day), states.get(state).toLowerCase(
                                Locale.ROOT), count));
            }
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"0\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#57606a\"/>",
                HEIGHT - AXIS, WIDTH, HEIGHT - AXIS));
        svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\" font-size=\"12\">%s</text>", HEIGHT - 6, first));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"end\">%s</text>",
                WIDTH, HEIGHT - 6, last));
        svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"12\" font-size=\"12\">max %d a day</text>", max));
        int x = 0;
        for (String state : states) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>", x, HEIGHT + 4, COLOURS.get(state), x + 14,
                    HEIGHT + 13, state.toLowerCase(Locale.ROOT)));
            x += 110;
        }
        return svg.append("</svg>").toString();
    }
}
