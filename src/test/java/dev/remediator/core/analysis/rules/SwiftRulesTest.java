package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.LogSamples.analyze;
import static dev.remediator.core.analysis.LogSamples.analyzeText;
import static dev.remediator.core.analysis.LogSamples.first;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.remediator.core.analysis.Evidence;
import dev.remediator.core.analysis.FailureCategory;
import dev.remediator.core.analysis.JobAnalysis;
import dev.remediator.core.analysis.Location;

class SwiftRulesTest {

    @Test
    void anXCTestAssertionComesFirstWithItsTestCaseLineAndSwiftTestingsIssueAfter() {
        JobAnalysis analysis = analyze("swift/xctest-and-swift-testing.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.TEST);
        Evidence assertion = first(analysis);
        assertThat(assertion.rule()).isEqualTo("swift.xctest-assertion");
        assertThat(assertion.start()).isEqualTo(5);
        assertThat(assertion.contains(6)).isTrue();
        assertThat(analysis.evidence()).anySatisfy(issue -> {
            assertThat(issue.rule()).isEqualTo("swift.testing-issue");
            assertThat(issue.start()).isEqualTo(25);
        });
        assertThat(analysis.failingTests()).contains("CaptureGroupTests#testForceFailure", "testFailTrueIsFalse()");
        assertThat(analysis.locations()).contains(new Location("Test.swift", 17, 9));
    }

    @Test
    void xcodebuildsClosingLineOnlySaysThatSomethingFailed() {
        JobAnalysis analysis = analyzeText("Testing started\n** TEST FAILED **\n");

        assertThat(first(analysis).rule()).isEqualTo("xcode.build-failed");
        assertThat(analysis.category()).isEqualTo(FailureCategory.UNKNOWN);
    }
}
