package dev.remediator.testing.github;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Commits as the Git Data API and the repository commits API show them, and the files a change touched. */
final class CommitRepresentations {

    private final Representations json;

    CommitRepresentations(Representations json) {
        this.json = json;
    }

    /** The Git Data shape (`GET /git/commits/{sha}`), also nested as `commit` in the repository commit shape. */
    ObjectNode gitCommit(Repository repository, GitObjects.Commit commit) {
        String repositoryUrl = json.url(repository);
        ObjectNode body = Json.object().put("sha", commit.sha()).put("node_id", Representations.nodeId("Commit",
                commit.sha().hashCode()))
                .put("url", repositoryUrl + "/git/commits/" + commit.sha())
                .put("html_url", Representations.htmlUrl(repository) + "/commit/" + commit.sha())
                .put("message", commit.message());
        body.set("author", signature(commit.author()));
        body.set("committer", signature(commit.committer()));
        body.putObject("tree").put("sha", commit.tree()).put("url", repositoryUrl + "/git/trees/" + commit.tree());
        body.set("parents", parents(repository, commit));
        body.putObject("verification").put("verified", false).put("reason", "unsigned").putNull("signature")
                .putNull("payload").putNull("verified_at");
        return body;
    }

    private static ObjectNode signature(GitObjects.Signature signature) {
        return Json.object().put("name", signature.name()).put("email", signature.email())
                .put("date", signature.date().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }

    private ArrayNode parents(Repository repository, GitObjects.Commit commit) {
        ArrayNode parents = Json.array();
        commit.parents().forEach(parent -> parents.addObject().put("sha", parent)
                .put("url", json.url(repository) + "/commits/" + parent)
                .put("html_url", Representations.htmlUrl(repository) + "/commit/" + parent));
        return parents;
    }

    /** The repository commit shape (`GET /commits`, `/commits/{ref}`, compare): authors as GitHub users. */
    ObjectNode commit(Repository repository, GitObjects.Commit commit) {
        ObjectNode body = Json.object().put("sha", commit.sha())
                .put("node_id", Representations.nodeId("Commit", commit.sha().hashCode()))
                .put("url", json.url(repository) + "/commits/" + commit.sha())
                .put("html_url", Representations.htmlUrl(repository) + "/commit/" + commit.sha())
                .put("comments_url", json.url(repository) + "/commits/" + commit.sha() + "/comments");
        ObjectNode nested = gitCommit(repository, commit);
        nested.remove(List.of("sha", "node_id", "html_url", "parents"));
        nested.put("comment_count", 0);
        body.set("commit", nested);
        body.set("author", Repository.loginOf(commit.author().email()).<com.fasterxml.jackson.databind.JsonNode>map(
                json::user).orElse(null));
        body.set("committer", Repository.loginOf(commit.committer().email())
                .<com.fasterxml.jackson.databind.JsonNode>map(json::user).orElse(null));
        body.set("parents", parents(repository, commit));
        return body;
    }

    /** The repository commit shape with the files changed against the first parent and their totals. */
    ObjectNode commitWithFiles(Repository repository, GitObjects.Commit commit) {
        ObjectNode body = commit(repository, commit);
        String parentTree = commit.parents().isEmpty() ? null
                : repository.git().commit(commit.parents().get(0)).orElseThrow().tree();
        ArrayNode files = fileChanges(repository, parentTree, commit.tree());
        int additions = 0;
        int deletions = 0;
        for (var file : files) {
            additions += file.get("additions").asInt();
            deletions += file.get("deletions").asInt();
        }
        body.putObject("stats").put("total", additions + deletions).put("additions", additions)
                .put("deletions", deletions);
        body.set("files", files);
        return body;
    }

    /**
     * The files that differ between two trees (null: the empty tree), as GitHub lists them: `filename`, `status`
     * (added, modified, removed), line counts, and no `patch`.
     */
    ArrayNode fileChanges(Repository repository, String fromTree, String toTree) {
        GitObjects git = repository.git();
        Map<String, GitObjects.TreeEntry> before = fromTree == null ? Map.of() : git.flatten(fromTree);
        Map<String, GitObjects.TreeEntry> after = git.flatten(toTree);
        Set<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        ArrayNode files = Json.array();
        for (String path : paths) {
            GitObjects.TreeEntry old = before.get(path);
            GitObjects.TreeEntry now = after.get(path);
            if (old != null && now != null && old.sha().equals(now.sha())) {
                continue;
            }
            List<String> oldLines = lines(git, old);
            List<String> newLines = lines(git, now);
            int unchanged = commonLines(oldLines, newLines);
            int additions = newLines.size() - unchanged;
            int deletions = oldLines.size() - unchanged;
            String status = old == null ? "added" : now == null ? "removed" : "modified";
            String sha = now != null ? now.sha() : old.sha();
            String ref = json.url(repository) + "/contents/" + path;
            files.addObject().put("sha", sha).put("filename", path).put("status", status)
                    .put("additions", additions).put("deletions", deletions).put("changes", additions + deletions)
                    .put("blob_url", Representations.htmlUrl(repository) + "/blob/" + sha + "/" + path)
                    .put("raw_url", Representations.htmlUrl(repository) + "/raw/" + sha + "/" + path)
                    .put("contents_url", ref);
        }
        return files;
    }

    private static List<String> lines(GitObjects git, GitObjects.TreeEntry entry) {
        if (entry == null || !"blob".equals(entry.type())) {
            return List.of();
        }
        String text = new String(git.blob(entry.sha()).orElseThrow().content(), StandardCharsets.UTF_8);
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return text.isEmpty() ? List.of() : List.of(body.split("\n", -1));
    }

    /** Lines both versions keep (as a multiset: a line moved counts as kept, which is enough for totals). */
    private static int commonLines(List<String> before, List<String> after) {
        Map<String, Integer> counts = new HashMap<>();
        before.forEach(line -> counts.merge(line, 1, Integer::sum));
        int common = 0;
        for (String line : after) {
            Integer left = counts.get(line);
            if (left != null && left > 0) {
                counts.put(line, left - 1);
                common++;
            }
        }
        return common;
    }
}
