package dev.remediator.flow.drift;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.remediator.core.drift.ProvenanceManifest;
import dev.remediator.core.drift.ProvenanceNode;
import dev.remediator.core.drift.RecordedFile;
import dev.remediator.core.drift.RepositoryTree;

/**
 * A commit's files for the drift classifier, from GitHub's recursive git-tree listing (one request, no contents).
 * GitHub cuts the listing of a very large tree ({@code truncated: true}); a recorded file missing from a cut listing
 * may well be there, so it is taken as unchanged rather than reported as vanished, and named in
 * {@link #assumedUnchanged()}.
 */
public record CommitTree(RepositoryTree tree, boolean truncated, List<String> assumedUnchanged) {

    public CommitTree {
        assumedUnchanged = List.copyOf(assumedUnchanged);
    }

    /** {@code listing}: the body of {@code GET /repos/{owner}/{repo}/git/trees/{sha}?recursive=1}. */
    public static CommitTree of(JsonNode listing, ProvenanceManifest manifest) {
        RepositoryTree.Builder tree = RepositoryTree.builder();
        Set<String> listed = new HashSet<>();
        for (JsonNode entry : listing.path("tree")) {
            // blobs only: folders are implied by paths, and a submodule's entry is a commit, not a file
            if ("blob".equals(entry.path("type").asText())) {
                tree.add(entry.path("path").asText(), entry.path("sha").asText());
                listed.add(entry.path("path").asText());
            }
        }
        boolean truncated = listing.path("truncated").asBoolean(false);
        List<String> assumed = new ArrayList<>();
        if (truncated) {
            for (ProvenanceNode node : manifest.nodes()) {
                for (List<RecordedFile> side : List.of(node.spec().files(), node.generated().files())) {
                    for (RecordedFile file : side) {
                        if (listed.add(file.path())) {
                            tree.add(file.path(), file.blob());
                            assumed.add(file.path());
                        }
                    }
                }
            }
        }
        return new CommitTree(tree.build(), truncated, assumed);
    }
}
