package dev.remediator.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The project's version, as the build wrote it: what {@code bin/remediator -V} and the status page report. */
public final class ProjectVersion {

    private ProjectVersion() {
    }

    public static String get() {
        try (InputStream in = ProjectVersion.class.getResourceAsStream("/dev/remediator/version.properties")) {
            if (in == null) {
                throw new IllegalStateException("dev/remediator/version.properties is missing: the build writes it");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
