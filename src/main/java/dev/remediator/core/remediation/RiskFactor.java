package dev.remediator.core.remediation;

/** One named part of a risk score, shown to the user as it is: {@code +3.0 protected paths: .github/workflows/ci.yml}. */
public record RiskFactor(String name, double points, String explanation) {

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%+.1f %s: %s", points, name, explanation);
    }
}
