package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.FailureCategory.CONFIGURATION;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.remediator.core.analysis.Findings;
import dev.remediator.core.analysis.LogLine;
import dev.remediator.core.analysis.Rule;
import dev.remediator.core.analysis.RuleSet;

/**
 * Terraform's diagnostics from {@code validate}, {@code plan} and {@code apply}: {@code Error: summary} in its box
 * ({@code │ Error: ...}, the block running to the box's end) or, with {@code -no-color}, unboxed, with the
 * {@code on main.tf line 7, in ...:} line that places it two lines below.
 */
public final class TerraformRules implements RuleSet {

    static final Rule ERROR = new Rule("terraform.error", CONFIGURATION, 0.85);

    private static final Pattern BOXED_ERROR = Pattern.compile("^│ Error: \\S");
    private static final Pattern PLACE = Pattern.compile("^(│ )?\\s+on (\\S+\\.tf(?:\\.json)?) line (\\d+)");

    @Override
    public List<String> keywords() {
        return List.of("│ Error: ", ".tf line ", ".tf.json line ");
    }

    @Override
    public void onLine(LogLine line, Findings findings) {
        String text = line.text();
        if (BOXED_ERROR.matcher(text).find()) {
            findings.report(line, ERROR);
            return;
        }
        Matcher place = PLACE.matcher(text);
        if (place.find()) {
            findings.location(place.group(2), Counts.of(place.group(3)), 0);
            // unboxed, the summary is two lines up, a blank line between
            if (place.group(1) == null && line.previousText().isBlank()) {
                findings.report(line.number() - 2, line, ERROR);
            }
        }
    }
}
