package dev.remediator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import picocli.CommandLine;

/** A real git repository in a temporary folder, and the command line run in-process against it. */
final class DriftGitRepository {

    record Run(int exitCode, String out, String err) {
    }

    final Path root;

    private DriftGitRepository(Path root) {
        this.root = root;
    }

    static DriftGitRepository init(Path folder) throws Exception {
        DriftGitRepository repository = new DriftGitRepository(Files.createDirectories(folder));
        repository.git("init", "-q");
        repository.git("config", "user.email", "drift@example.org");
        repository.git("config", "user.name", "Drift Test");
        repository.git("config", "commit.gpgsign", "false");
        repository.git("config", "core.autocrlf", "false");
        return repository;
    }

    DriftGitRepository write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return this;
    }

    DriftGitRepository delete(String path) throws IOException {
        Files.delete(root.resolve(path));
        return this;
    }

    String read(String path) throws IOException {
        return Files.readString(root.resolve(path), StandardCharsets.UTF_8);
    }

    DriftGitRepository commit(String message) throws Exception {
        git("add", "-A");
        git("commit", "-q", "--allow-empty", "-m", message);
        return this;
    }

    /** Each file of the HEAD commit with its blob SHA, as git lists it. */
    Map<String, String> headTree() throws Exception {
        Map<String, String> tree = new TreeMap<>();
        for (String line : git("ls-tree", "-r", "HEAD").split("\n")) {
            String[] fields = line.split("\\s+", 4); // mode, type, sha, path
            tree.put(fields[3], fields[2]);
        }
        return tree;
    }

    String git(String... args) throws Exception {
        List<String> command = Stream.concat(Stream.of("git"), Stream.of(args)).toList();
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        builder.environment().put("GIT_CONFIG_GLOBAL", root.resolveSibling(root.getFileName() + ".gitconfig").toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("git %s: %s", command, output).isZero();
        return output.strip();
    }

    /** Runs {@code remediator ARGS} as {@code RemediatorCli.run} does, with its output captured. */
    static Run remediator(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = new CommandLine(new RemediatorCli()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }
}
