package dev.remediator.core.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CodeOwnersTest {

    /** GitHub's own example CODEOWNERS, shortened: the last matching line wins (the logs line over the build line). */
    private static final CodeOwners GITHUB_EXAMPLE = CodeOwners.parse("""
            # These owners will be the default owners for everything in the repo.
            *       @global-owner1 @global-owner2
            *.js    @js-owner #This is an inline comment.
            *.go docs@example.com
            /build/logs/ @doctocat
            docs/*  docs@example.com
            apps/ @octocat
            /docs/ @doctocat
            /scripts/ @doctocat @octo-org/octocats
            **/logs @octocat
            /apps/github
            """);

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "README.md                          | global-owner1",
            "src/app.js                         | js-owner",
            "main.go                            | -",
            "build/logs/today.txt               | octocat",
            "docs/getting-started.md            | doctocat",
            "some/docs/build-app/guide.md       | global-owner1",
            "web/apps/index.html                | octocat",
            "scripts/deploy.sh                  | doctocat",
            "deep/down/logs/out.txt             | octocat",
            "apps/github/main.rb                | -" })
    void theLastMatchingLineNamesTheOwner(String path, String owner) {
        assertThat(GITHUB_EXAMPLE.personOwning(path).orElse(null)).isEqualTo(owner);
    }

    @Test
    void aTeamCannotBeAssignedSoThePersonAfterItIs() {
        CodeOwners owners = CodeOwners.parse("/src/test/ @acme/testers @olga\n/src/main/ @acme/devs\n");
        assertThat(owners.personOwning("src/test/java/FooTest.java")).contains("olga");
        assertThat(owners.personOwning("src/main/java/Foo.java")).isEmpty();
        assertThat(owners.personOwning("pom.xml")).isEmpty();
    }

    @Test
    void docsStarOwnsOnlyTheDirectorysOwnFiles() {
        CodeOwners owners = CodeOwners.parse("* @all\ndocs/* @writer\n");
        assertThat(owners.personOwning("docs/intro.md")).contains("writer");
        assertThat(owners.personOwning("docs/api/intro.md")).contains("all");
    }
}
