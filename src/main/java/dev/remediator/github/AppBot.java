package dev.remediator.github;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;

import dev.remediator.core.remediation.BotIdentity;

/**
 * The app's bot user as git names it, for the {@code Signed-off-by} trailer. GitHub tells it only as the author it
 * gives the app's commits ({@code <slug>[bot]} with the no-reply address of the bot's user id), so it is learnt from
 * the first commit the app makes and kept for the life of the process: it never changes for an app.
 */
@ApplicationScoped
public class AppBot {

    private volatile BotIdentity identity;

    /**
     * Makes a commit signed off by the bot. Until the identity is known, the commit is first made without the trailer,
     * which tells the identity; that commit object is left unreferenced, and GitHub collects it.
     */
    public String signedCommit(RepositoryGitHub github, String message, String tree, String parent) throws IOException {
        BotIdentity known = identity;
        if (known == null) {
            RepositoryGitHub.CreatedCommit unsigned = github.createCommit(message, tree, parent);
            known = new BotIdentity(unsigned.authorName(), unsigned.authorEmail());
            identity = known;
        }
        return github.createCommit(known.signOff(message), tree, parent).sha();
    }
}
