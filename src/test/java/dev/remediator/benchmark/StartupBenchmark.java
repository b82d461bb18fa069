package dev.remediator.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.remediator.packaged.PackagedApp;
import dev.remediator.testing.github.FakeGitHub;

/**
 * How quickly the packaged app starts, as a rolling deployment pays it: from launching the JVM until
 * {@code /q/health/live} answers, with and without the class-data sharing archive the build writes
 * ({@code target/quarkus-app/app-cds.jsa}), and, where a JDK 25 or newer is found ({@code AOT_JAVA_HOME},
 * else under /usr/lib/jvm), on it with the ahead-of-time cache of a training run; also what Quarkus reports and the
 * resident memory after start. Run with {@code bin/bench-start [RUNS]} (5 of each by default).
 */
public final class StartupBenchmark {

    private static final Path ARCHIVE = Path.of("target", "quarkus-app", "app-cds.jsa");
    private static final Path AOT_CACHE = Path.of("target", "quarkus-app", "app.aot");
    private static final Pattern STARTED = Pattern.compile("started in ([0-9.]+)s");

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        try (FakeGitHub github = FakeGitHub.start()) {
            measure("without class-data sharing", github, List.of(), runs);
            if (Files.exists(ARCHIVE)) {
                // -Xshare:on: an archive that does not fit stops the JVM instead of being ignored without a word
                measure("with " + ARCHIVE, github, List.of("-Xshare:on", "-XX:SharedArchiveFile=" + ARCHIVE.toAbsolutePath()),
                        runs);
            } else {
                System.out.println(ARCHIVE + " is missing: package with ./mvnw package -DskipTests");
            }
            Optional<Path> aotJdk = aotJdk();
            if (aotJdk.isPresent()) {
                train(github, aotJdk.get());
                // -XX:AOTMode=on: a cache that does not fit stops the JVM instead of being ignored
                measure("on " + aotJdk.get().getFileName() + " with the AOT cache " + AOT_CACHE, github, aotJdk.get(),
                        List.of("-XX:AOTMode=on", "-XX:AOTCache=" + AOT_CACHE.toAbsolutePath()), runs);
            } else {
                System.out.println("no JDK 25 or newer found (AOT_JAVA_HOME): the AOT cache is not measured");
            }
        }
    }

    /**
     * The training run README's "Start time" describes: the app started as in production, its pages and probes asked
     * for once, then stopped; the JVM writes the cache of what it loaded and linked as it exits.
     */
    private static void train(FakeGitHub github, Path jdk) throws Exception {
        Files.deleteIfExists(AOT_CACHE);
        try (PackagedApp app = PackagedApp.registered(github, Map.of()).javaHome(jdk)
                .jvmOptions(List.of("-XX:AOTCacheOutput=" + AOT_CACHE.toAbsolutePath())).start()) {
            app.get("/");
            app.get("/q/health/ready");
        }
        if (!Files.exists(AOT_CACHE)) {
            throw new IllegalStateException("the training run wrote no " + AOT_CACHE);
        }
    }

    private static Optional<Path> aotJdk() throws java.io.IOException {
        String given = System.getenv("AOT_JAVA_HOME");
        if (given != null) {
            return Optional.of(Path.of(given));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (var homes = Files.list(jvms)) {
            return homes.filter(home -> home.getFileName().toString().matches(".*-(2[5-9]|[3-9][0-9])(-.*)?")
                    && Files.isExecutable(home.resolve("bin/java"))).sorted().findFirst();
        }
    }

    private static void measure(String what, FakeGitHub github, List<String> options, int runs) throws Exception {
        measure(what, github, Path.of(System.getProperty("java.home")), options, runs);
    }

    private static void measure(String what, FakeGitHub github, Path jdk, List<String> options, int runs)
            throws Exception {
        List<Long> live = new ArrayList<>();
        List<Double> reported = new ArrayList<>();
        List<Long> resident = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            try (PackagedApp app = PackagedApp.registered(github, Map.of()).javaHome(jdk).jvmOptions(options).start()) {
                live.add(app.startup().toMillis());
                resident.add(app.residentKib() / 1024);
                Matcher started = STARTED.matcher(app.output());
                if (started.find()) {
                    reported.add(Double.parseDouble(started.group(1)));
                }
            }
        }
        System.out.printf("%s, %d runs: launch to live median %d ms (min %d, max %d); Quarkus reports median %.2f s;"
                + " resident memory median %d MiB%n", what, runs, median(live), live.stream().min(Long::compare).orElseThrow(),
                live.stream().max(Long::compare).orElseThrow(), reported.isEmpty() ? Double.NaN
                        : reported.stream().sorted().toList().get(reported.size() / 2), median(resident));
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }
}
