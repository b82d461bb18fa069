package dev.remediator.core.config;

/** One thing wrong with a config file, where it is ({@code failures.rerun.max_attempts}) and what is expected. */
public record ConfigProblem(String path, String message) {

    @Override
    public String toString() {
        return path.isEmpty() ? message : "`" + path + "`: " + message;
    }
}
