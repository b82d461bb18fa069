package dev.remediator.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.remediator.setup.Doctor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code remediator doctor}: checks an instance's settings against its database and GitHub, from the environment
 * variables the instance runs with (and a {@code .env} file in the current folder, as Quarkus reads it).
 */
@Command(name = "doctor", mixinStandardHelpOptions = true, sortOptions = false,
        description = { "Checks the database, the app's id and key against GitHub (GET /app with the app's JWT), the webhook "
                + "secret, the app's webhook configuration, its permissions and events against app-manifest.yml, its "
                + "installations and the rate limit left. Reads the same environment variables as the app." },
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = { "0:every check passed", "1:a check failed (each says what to do)",
                "2:the app id or private key is not set" })
final class DoctorCommand implements Callable<Integer> {

    private static final Pattern DOT_ENV = Pattern.compile("(?m)^([A-Za-z0-9_.]+)=(\"(?s:(.*?))\"|(.*))$");

    @Option(names = "--env-file", paramLabel = "FILE", defaultValue = ".env",
            description = "Settings read besides the environment, which wins (default: ${DEFAULT-VALUE}).")
    Path envFile;

    @Option(names = "--no-database", description = "Leave the database out.")
    boolean noDatabase;

    @Override
    public Integer call() throws IOException {
        Map<String, String> settings = settings();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String appId = settings.get("QUARKUS_GITHUB_APP_APP_ID");
        String key = settings.get("QUARKUS_GITHUB_APP_PRIVATE_KEY");
        if (appId == null || key == null) {
            out.println("✗ App id and private key: not set (QUARKUS_GITHUB_APP_APP_ID, QUARKUS_GITHUB_APP_PRIVATE_KEY)\n"
                    + "    fix: register the app on the instance's /setup page, or set both from the app's settings page");
            return 2;
        }
        List<Doctor.Check> checks = Doctor.examine(new Doctor.Settings(appId, key,
                !settings.getOrDefault("QUARKUS_GITHUB_APP_WEBHOOK_SECRET", "").isBlank(),
                settings.get("REMEDIATOR_PUBLIC_URL"), settings.getOrDefault("QUARKUS_GITHUB_APP_WEBHOOK_URL_PATH", "/"),
                settings.getOrDefault("QUARKUS_GITHUB_APP_INSTANCE_ENDPOINT", "https://api.github.com"),
                noDatabase ? null : settings.getOrDefault("QUARKUS_DATASOURCE_JDBC_URL",
                        "jdbc:postgresql://127.0.0.1:5432/remediator"),
                settings.getOrDefault("QUARKUS_DATASOURCE_USERNAME", "postgres"),
                settings.get("QUARKUS_DATASOURCE_PASSWORD"), null));
        checks.forEach(check -> out.println(check.render()));
        return checks.stream().allMatch(Doctor.Check::ok) ? 0 : 1;
    }

    private Map<String, String> settings() throws IOException {
        Map<String, String> settings = new HashMap<>();
        if (Files.isRegularFile(envFile)) {
            Matcher line = DOT_ENV.matcher(Files.readString(envFile));
            while (line.find()) {
                settings.put(line.group(1), line.group(3) != null ? line.group(3) : line.group(4).strip());
            }
        }
        settings.putAll(System.getenv());
        return settings;
    }
}
