package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.LogSamples.analyzeText;
import static dev.remediator.core.analysis.LogSamples.analyzeWith;
import static dev.remediator.core.analysis.LogSamples.first;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.remediator.core.analysis.FailureCategory;
import dev.remediator.core.analysis.JobAnalysis;

class JvmCompilerRulesTest {

    @Test
    void javacErrorsPointAtTheirSource() {
        JobAnalysis analysis = analyzeWith("gradle/compile-java.log", JvmCompilerRules::new);

        assertThat(analysis.category()).isEqualTo(FailureCategory.COMPILATION);
        assertThat(first(analysis).start()).isEqualTo(10);
        assertThat(analysis.locations()).extracting(Object::toString)
                .containsExactly("src/main/java/emu/grasscutter/game/dungeons/challenge/DungeonChallenge.java:91");
    }

    @Test
    void kotlincErrorsPointAtTheirSourceWithColumns() {
        JobAnalysis analysis = analyzeWith("jvm/kotlinc.log", JvmCompilerRules::new);

        assertThat(analysis.category()).isEqualTo(FailureCategory.COMPILATION);
        assertThat(analysis.locations()).extracting(Object::toString)
                .containsExactly("src/main/kotlin/Greeter.kt:4:39", "src/main/kotlin/Greeter.kt:5:24");
    }

    @Test
    void codeCompiledForANewerJavaThanTheRunnersIsTheWrongJdk() {
        JobAnalysis analysis = analyzeText("Exception in thread \"main\" java.lang.UnsupportedClassVersionError: App has been "
                + "compiled by a more recent version of the Java Runtime (class file version 65.0)\n");

        assertThat(analysis.category()).isEqualTo(FailureCategory.CONFIGURATION);
    }
}
