package dev.remediator.config;

import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Stops the start, first of everything that runs at start, when a setting was bad: Quarkus prints a
 * {@link ConfigurationException}'s message alone, without a stack trace.
 */
@ApplicationScoped
public class StartupChecks {

    void refuseBadSettings(@Observes @Priority(0) StartupEvent event) {
        List<String> problems = SettingsCheck.takeProblems();
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems.get(0)
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more bad settings after it)" : ""));
        }
    }
}
