package dev.remediator.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkspacePathsTest {

    @ParameterizedTest
    @CsvSource({
            "/home/runner/work/remediator/remediator/src/main/App.java, src/main/App.java",
            "/Users/runner/work/repo/repo/lib/x.swift, lib/x.swift",
            "D:\\a\\repo\\repo\\src\\x.cs, src/x.cs",
            "C:\\actions-runner\\_work\\pytorch\\pytorch\\third_party\\x.h, third_party/x.h",
            "/__w/pytorch/pytorch/torch/csrc/x.cpp, torch/csrc/x.cpp",
            "/github/workspace/app/main.go, app/main.go",
            "file:///home/runner/work/r/r/src/A.kt, src/A.kt",
            "./src/app.js, src/app.js",
            "src/app.js, src/app.js" })
    void pathsInTheCheckoutBecomeRelativeToTheRepositoryRoot(String printed, String relative) {
        assertThat(WorkspacePaths.relativize(printed)).isEqualTo(relative);
    }

    @ParameterizedTest
    @CsvSource({
            "/opt/python-3.10-venv/lib/python3.10/site-packages/torch/nn/module.py",
            "/usr/include/stdio.h",
            "node_modules/jest/build/index.js",
            "/home/runner/work/r/r/node_modules/x/index.js",
            "../outside.txt" })
    void pathsOutsideTheRepositoryOrInItsDependenciesAreDropped(String printed) {
        assertThat(WorkspacePaths.relativize(printed)).isNull();
    }

    @Test
    void nothingIsNoPath() {
        assertThat(WorkspacePaths.relativize(null)).isNull();
        assertThat(WorkspacePaths.relativize("  ")).isNull();
    }
}
