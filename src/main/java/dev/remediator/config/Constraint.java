package dev.remediator.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Ranges that {@link SettingsCheck} enforces on a {@link RemediatorConfig} setting besides its type's own rule
 * (durations above zero, whole numbers at least 1).
 */
public final class Constraint {

    private Constraint() {
    }

    /** A whole number at least this. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface Minimum {
        long value();
    }

    /** A share: above 0, at most 1. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface Fraction {
    }

    /** An absolute {@code http} or {@code https} address. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface HttpUrl {
    }
}
