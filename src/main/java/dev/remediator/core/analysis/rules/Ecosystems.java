package dev.remediator.core.analysis.rules;

import java.util.List;
import java.util.function.Supplier;

import dev.remediator.core.analysis.RuleSet;

/** The rule sets of every ecosystem Remediator understands; adding an ecosystem means adding its rule set here. */
public final class Ecosystems {

    private Ecosystems() {
    }

    public static List<Supplier<? extends RuleSet>> standard() {
        return List.of(RunnerRules::new, EnvironmentRules::new, GitRules::new, MavenRules::new, GradleRules::new,
                JUnitRules::new, SwiftRules::new, JvmCompilerRules::new, NativeBuildRules::new, PythonRules::new,
                PytestRules::new, NodeRules::new, JestRules::new, MochaRules::new, GoRules::new, CargoRules::new,
                SbtRules::new, RubyRules::new, PhpRules::new, DotnetRules::new, HaskellRules::new, ElixirRules::new,
                ShellRules::new, TerraformRules::new, DockerRules::new,
                LintRules::new, JvmExceptionRules::new, GenericRules::new);
    }
}
