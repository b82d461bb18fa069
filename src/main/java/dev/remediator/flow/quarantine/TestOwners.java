package dev.remediator.flow.quarantine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import dev.remediator.core.remediation.CodeOwners;
import dev.remediator.core.remediation.QuarantineFile;
import dev.remediator.core.report.QuarantineText.Owner;
import dev.remediator.github.RepositoryGitHub;

/**
 * Who a flaky test belongs to: the person CODEOWNERS names for its source file, else the last author of that file.
 * Costs a tree listing, one to three CODEOWNERS lookups and, without an owner there, one commit listing.
 */
@ApplicationScoped
public class TestOwners {

    public Owner of(RepositoryGitHub github, String test, String branch) throws IOException {
        String head = github.branchHead(branch);
        Optional<String> file = QuarantineFile.sourceFile(test, paths(github, github.commit(head).treeSha()));
        if (file.isEmpty()) {
            return new Owner(null, "no source file found for the test on " + branch);
        }
        Optional<String> codeOwner = codeOwners(github, head).flatMap(owners -> owners.personOwning(file.get()));
        if (codeOwner.isPresent()) {
            return new Owner(codeOwner.get(), "owner of " + file.get() + " by CODEOWNERS");
        }
        return github.lastAuthor(file.get(), head).map(login -> new Owner(login, "last committer of " + file.get()))
                .orElse(new Owner(null, "no owner found for " + file.get()));
    }

    /** The first CODEOWNERS GitHub would read, if the repository has one. */
    private static Optional<CodeOwners> codeOwners(RepositoryGitHub github, String ref) throws IOException {
        for (String location : CodeOwners.LOCATIONS) {
            Optional<String> content = github.fileContent(location, ref);
            if (content.isPresent()) {
                return Optional.of(CodeOwners.parse(content.get()));
            }
        }
        return Optional.empty();
    }

    private static List<String> paths(RepositoryGitHub github, String treeSha) throws IOException {
        List<String> paths = new ArrayList<>();
        for (JsonNode entry : github.tree(treeSha).path("tree")) {
            if ("blob".equals(entry.path("type").asText())) {
                paths.add(entry.path("path").asText());
            }
        }
        return paths;
    }
}
