package dev.remediator.benchmark;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.remediator.core.drift.DriftClassifier;
import dev.remediator.core.drift.DriftMode;
import dev.remediator.core.drift.DriftReport;
import dev.remediator.core.drift.DriftReportMarkdown;
import dev.remediator.core.drift.FileContents;
import dev.remediator.core.drift.Generator;
import dev.remediator.core.drift.GitBlobSha;
import dev.remediator.core.drift.GlobSet;
import dev.remediator.core.drift.NodeDefinition;
import dev.remediator.core.drift.ProvenanceManifest;
import dev.remediator.core.drift.ProvenanceManifestJson;
import dev.remediator.core.drift.ProvenanceNode;
import dev.remediator.core.drift.ProvenanceRecorder;
import dev.remediator.core.drift.RepositoryTree;

/**
 * How long drift classification of a push takes at scale: 10,000 nodes over a 100,000-file tree (each node one spec
 * and nine generated Go files), with 1% of the nodes' specs edited, 0.5% of them reformatted, 0.5% edited by hand
 * and 0.2% with an extra generated file. It measures what a push handler does after its one git-tree request: parse
 * the manifest, build the tree, classify, render the check run summary. Run with {@code bin/bench-drift}
 * ({@code bin/bench-drift NODES} for another size).
 */
public final class DriftClassificationBenchmark {

    private static final int GENERATED_PER_NODE = 9;
    private static final int WARM_UP_RUNS = 3;
    private static final int MEASURED_RUNS = 10;

    private enum Change { SPEC_EDITED, REFORMATTED, HAND_EDITED, FILE_ADDED }

    public static void main(String[] args) throws Exception {
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Map<Integer, Change> changes = new HashMap<>();
        for (int node = 0; node < nodes; node++) {
            int slot = node % 1000; // spread the changes evenly: 10 + 5 + 5 + 2 per thousand nodes
            Change change = slot < 10 ? Change.SPEC_EDITED : slot < 15 ? Change.REFORMATTED : slot < 20 ? Change.HAND_EDITED
                    : slot < 22 ? Change.FILE_ADDED : null;
            if (change != null) {
                changes.put(node, change);
            }
        }
        SyntheticRepository recorded = new SyntheticRepository(nodes, Map.of());
        SyntheticRepository pushed = new SyntheticRepository(nodes, changes);
        System.out.printf(Locale.ROOT, "Drift classification benchmark: %,d nodes, %,d files in the pushed tree; Java %s, %d processors, max heap %,d MB%n%n",
                nodes, pushed.blobByPath.size(), System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);

        long start = System.nanoTime();
        RepositoryTree recordedTree = RepositoryTree.of(recorded.blobByPath);
        ProvenanceManifest manifest = ProvenanceManifest.empty();
        List<ProvenanceNode> recordedNodes = new ArrayList<>(nodes);
        for (int node = 0; node < nodes; node++) {
            recordedNodes.add(ProvenanceRecorder.record(definition(node), recordedTree, recorded, null));
        }
        manifest = new ProvenanceManifest(recordedNodes);
        row("record all nodes (normalise %,d generated files)", millis(start), nodes * GENERATED_PER_NODE);

        String manifestJson = ProvenanceManifestJson.write(manifest);
        start = System.nanoTime();
        ProvenanceManifest parsed = ProvenanceManifestJson.read(manifestJson);
        row("parse and check the manifest (%,d KB of JSON)", millis(start), manifestJson.getBytes(StandardCharsets.UTF_8).length >> 10);

        start = System.nanoTime();
        RepositoryTree tree = RepositoryTree.of(pushed.blobByPath);
        row("build the pushed tree (%,d entries)", millis(start), tree.size());

        System.gc();
        long retained = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        DriftReport report = null;
        for (int run = 0; run < WARM_UP_RUNS; run++) {
            report = DriftClassifier.classify(parsed, tree, pushed);
        }
        double[] runs = new double[MEASURED_RUNS];
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        for (int run = 0; run < MEASURED_RUNS; run++) {
            start = System.nanoTime();
            report = DriftClassifier.classify(parsed, tree, pushed);
            runs[run] = millis(start);
        }
        long allocatedPerRun = (threads.getCurrentThreadAllocatedBytes() - allocatedBefore) / MEASURED_RUNS;
        Arrays.sort(runs);
        System.out.printf(Locale.ROOT, "%-62s %8.1f ms median (min %.1f, max %.1f, %d runs after %d warm-up)%n",
                "classify every node", runs[MEASURED_RUNS / 2], runs[0], runs[MEASURED_RUNS - 1], MEASURED_RUNS, WARM_UP_RUNS);

        start = System.nanoTime();
        String summary = DriftReportMarkdown.render(report, DriftMode.WARN, DriftReportMarkdown.CHECK_RUN_SUMMARY_LIMIT);
        row("render the check run summary (%,d characters)", millis(start), summary.length());

        System.out.printf(Locale.ROOT, "%nkinds: %s; contents read (one GitHub request each on a push): %,d%n", report.counts(), report.filesRead());
        System.out.printf(Locale.ROOT, "heap in use with the manifest and the tree loaded (after GC): %,d MB; allocated per classification: %,d MB%n",
                retained >> 20, allocatedPerRun >> 20);
    }

    private static NodeDefinition definition(int node) throws Exception {
        return NodeDefinition.of("n" + node, "context-" + node % 100, Generator.forCommand("oapi-codegen -o gen/n" + node + " specs/n" + node),
                GlobSet.of(List.of("specs/n" + node + "/*.yaml")), GlobSet.of(List.of("gen/n" + node + "/**")));
    }

    private static double millis(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static void row(String label, double millis, long figure) {
        System.out.printf(Locale.ROOT, "%-62s %8.1f ms%n", String.format(Locale.ROOT, label, figure), millis);
    }

    /** The files of a repository made up on demand, so that 100,000 contents need not be held in memory. */
    private static final class SyntheticRepository implements FileContents {

        private final Map<Integer, Change> changes;
        final Map<String, String> blobByPath = new HashMap<>();

        SyntheticRepository(int nodes, Map<Integer, Change> changes) {
            this.changes = changes;
            for (int node = 0; node < nodes; node++) {
                add("specs/n" + node + "/api.yaml");
                for (int file = 0; file < GENERATED_PER_NODE; file++) {
                    add("gen/n" + node + "/file" + file + ".go");
                }
                if (changes.get(node) == Change.FILE_ADDED) {
                    add("gen/n" + node + "/extra.go");
                }
            }
        }

        private void add(String path) {
            blobByPath.put(path, GitBlobSha.of(content(path)));
        }

        @Override
        public byte[] read(String path, String blob) {
            return content(path);
        }

        private byte[] content(String path) {
            int node = Integer.parseInt(path.substring(path.indexOf("/n") + 2, path.indexOf('/', path.indexOf("/n") + 1)));
            Change change = changes.get(node);
            if (path.startsWith("specs/")) {
                String paths = change == Change.SPEC_EDITED ? "{/n" + node + ": {get: {}}, /n" + node + "/{id}: {get: {}}}" : "{/n" + node + ": {get: {}}}";
                return ("openapi: 3.0.0\ninfo: {title: n" + node + ", version: '1'}\npaths: " + paths + "\n").getBytes(StandardCharsets.UTF_8);
            }
            boolean first = path.endsWith("/file0.go");
            String name = "N" + node + path.substring(path.lastIndexOf('/') + 1, path.length() - 3);
            String text = "// Code generated by oapi-codegen. DO NOT EDIT.\npackage n" + node + "\n\n"
                    + "// " + name + " is a model of the API.\ntype " + name + " struct {\n\tID   string `json:\"id\"`\n\tName string `json:\"name\"`\n}\n\n"
                    + "// Validate checks the required fields.\nfunc (m *" + name + ") Validate() error {\n\tif m.ID == \"\" {\n"
                    + "\t\treturn errors.New(\"" + name + ": id is required\")\n\t}\n\treturn nil\n}\n";
            if (first && change == Change.REFORMATTED) {
                text = text.replace("\t", "    ").replace("// Validate checks the required fields.\n", "");
            } else if (first && change == Change.HAND_EDITED) {
                text = text.replace("id is required", "id must be set");
            }
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }
}
