package dev.remediator.core.remediation;

import java.util.List;
import java.util.Locale;

/** Risk from 0 (harmless) to 10, the sum of its named factors, bounded. */
public record RiskScore(List<RiskFactor> factors) {

    public static final double MAX = 10;

    public RiskScore {
        factors = List.copyOf(factors);
    }

    public double value() {
        double sum = factors.stream().mapToDouble(RiskFactor::points).sum();
        return Math.round(Math.max(0, Math.min(MAX, sum)) * 10) / 10.0;
    }

    public String formatted() {
        return String.format(Locale.ROOT, "%.1f", value());
    }
}
