package dev.remediator.core.assist;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.remediator.core.analysis.Evidence;
import dev.remediator.core.analysis.JobAnalysis;
import dev.remediator.core.analysis.RunAnalysis;
import dev.remediator.core.history.Culprit;
import dev.remediator.core.text.SecretMasker;

/**
 * All that a model is told about a failed run, and nothing else: the workflow, the category the rules found, each
 * failed job with its failed steps and its evidence blocks (secrets masked, bounded in size), the failing tests, and
 * the culprit's title and changed paths. Never the whole log, never a token, never the repository's settings.
 */
public record FailureBrief(String workflow, String category, List<Job> jobs, List<String> failingTests,
        String culpritTitle, List<String> culpritPaths) {

    /** Evidence blocks per job at most: the best ones come first. */
    static final int BLOCKS_PER_JOB = 3;

    /** Jobs described at most. */
    static final int MAX_JOBS = 5;

    /** Failing tests and culprit paths named at most. */
    static final int MAX_NAMES = 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    public FailureBrief {
        jobs = List.copyOf(jobs);
        failingTests = List.copyOf(failingTests);
        culpritPaths = List.copyOf(culpritPaths);
    }

    public record Job(String name, List<String> failedSteps, List<Line> lines) {
        public Job {
            failedSteps = List.copyOf(failedSteps);
            lines = List.copyOf(lines);
        }
    }

    /** A line of a job's log, by its number there, as the analysis read it (cleaned, secrets masked). */
    public record Line(int number, String text) {
    }

    /**
     * @param failedSteps the failed steps of each job, by job name
     * @param maxChars    the characters of log lines sent at most, over all jobs; the best evidence goes first
     */
    public static FailureBrief of(String workflow, RunAnalysis analysis, Map<String, List<String>> failedSteps,
            Culprit culprit, int maxChars) {
        List<Job> jobs = new ArrayList<>();
        int budget = maxChars;
        for (Map.Entry<String, JobAnalysis> job : analysis.jobs().entrySet()) {
            if (jobs.size() == MAX_JOBS) {
                break;
            }
            List<Line> lines = new ArrayList<>();
            for (Evidence evidence : job.getValue().evidence().subList(0,
                    Math.min(BLOCKS_PER_JOB, job.getValue().evidence().size()))) {
                List<Evidence.BlockLine> block = evidence.block().isEmpty()
                        ? List.of(new Evidence.BlockLine(evidence.start(), evidence.excerpt())) : evidence.block();
                for (Evidence.BlockLine line : block) {
                    String text = SecretMasker.mask(line.text());
                    if (text.length() > budget) {
                        break;
                    }
                    budget -= text.length();
                    lines.add(new Line(line.number(), text));
                }
            }
            jobs.add(new Job(job.getKey(), failedSteps.getOrDefault(job.getKey(), List.of()), lines));
        }
        return new FailureBrief(workflow, analysis.category().name(), jobs, first(analysis.failingTests()),
                culprit == null ? null : SecretMasker.mask(culprit.commit().title()),
                culprit == null ? List.of() : first(culprit.commit().files().stream().flatMap(f -> f.paths().stream())
                        .distinct().toList()));
    }

    private static List<String> first(List<String> names) {
        return names.subList(0, Math.min(MAX_NAMES, names.size()));
    }

    /** The line {@code number} of {@code job}, if it was sent. */
    public Optional<Line> line(String job, int number) {
        return jobs.stream().filter(j -> j.name().equals(job)).flatMap(j -> j.lines().stream())
                .filter(l -> l.number() == number).findFirst();
    }

    /** The brief as the model reads it: one JSON document, so that none of it reads as an instruction. */
    public String json() {
        ObjectNode root = JSON.createObjectNode().put("workflow", workflow).put("category", category);
        ArrayNode jobsNode = root.putArray("failed_jobs");
        for (Job job : jobs) {
            ObjectNode jobNode = jobsNode.addObject().put("job", job.name());
            job.failedSteps().forEach(jobNode.putArray("failed_steps")::add);
            ArrayNode lines = jobNode.putArray("log_lines");
            job.lines().forEach(line -> lines.addObject().put("line", line.number()).put("text", line.text()));
        }
        failingTests.forEach(root.putArray("failing_tests")::add);
        if (culpritTitle != null) {
            ObjectNode culprit = root.putObject("suspected_commit").put("title", culpritTitle);
            culpritPaths.forEach(culprit.putArray("changed_paths")::add);
        }
        return root.toString();
    }
}
