package dev.remediator.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MarkdownTextTest {

    @Test
    void textForAnHtmlElementIsInertAsHtmlAndKeepsItsPunctuation() {
        assertThat(MarkdownText.htmlText("lines 1-2 (junit.test-failure): <img src=x onerror=\"a()\"> & more\nnext"))
                .isEqualTo("lines 1-2 (junit.test-failure): &lt;img src=x onerror=&quot;a()&quot;&gt; &amp; more next");
    }

    @Test
    void onlyALoginGitHubCouldIssueBecomesAMention() {
        assertThat(MarkdownText.mention("olga")).isEqualTo("@olga");
        assertThat(MarkdownText.mention("octo-cat-42")).isEqualTo("@octo-cat-42");
        assertThat(MarkdownText.mention("acme/team")).as("a team is never pinged").isEqualTo("acme/team");
        assertThat(MarkdownText.mention("eve <img src=x> @everyone")).doesNotContain("<img", "@everyone");
        assertThat(MarkdownText.mention("-dash")).isEqualTo("\\-dash");
    }

    @Test
    void escapedTextHasNoFormattingLinksMentionsOrHtml() {
        assertThat(MarkdownText.escape("**bold** [x](http://e.vil) <img src=x> @team #12 a|b\nnext"))
                .isEqualTo("\\*\\*bold\\*\\* \\[x\\]\\(http\\://e\\.vil\\) &lt;img src=x&gt; @&#8203;team \\#&#8203;12 a\\|b next");
        assertThat(MarkdownText.escape(null)).isEmpty();
    }

    @Test
    void inlineCodeUsesAFenceLongerThanAnyBacktickRunAndStaysOnOneLine() {
        assertThat(MarkdownText.code("a `b` c")).isEqualTo("``a `b` c``");
        assertThat(MarkdownText.code("`x`")).isEqualTo("`` `x` ``");
        assertThat(MarkdownText.code("one\r\ntwo")).isEqualTo("`one two`");
    }

    @Test
    void codeBlocksCannotBeClosedFromInsideAndHaveSecretsMasked() {
        String block = MarkdownText.codeBlock("```\ninjected\n```\ntoken ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8");

        assertThat(block).startsWith("````\n").endsWith("\n````").contains("token ***").doesNotContain("ghp_");
    }

    @Test
    void textWithinTheLimitIsLeftAsItIs() {
        assertThat(MarkdownText.truncate("short", MarkdownText.GITHUB_LIMIT)).isEqualTo("short");
    }

    @Test
    void aCutClosesTheCodeBlockItFallsInAndSaysHowMuchWasLeftOut() {
        String markdown = "## Log\n\n```\n" + "line\n".repeat(30_000) + "```\n";

        String cut = MarkdownText.truncate(markdown, MarkdownText.GITHUB_LIMIT);

        assertThat(cut.length()).isLessThanOrEqualTo(MarkdownText.GITHUB_LIMIT);
        assertThat(cut).contains("characters left out to stay within GitHub's limit");
        assertThat(cut.split("```", -1)).hasSize(3);
    }

    @Test
    void aCutNeverSplitsACharacterMadeOfTwoChars() {
        String markdown = "😀".repeat(40_000);

        String cut = MarkdownText.truncate(markdown, MarkdownText.GITHUB_LIMIT);

        String kept = cut.substring(0, cut.indexOf("\n\n"));
        assertThat(kept.codePoints().allMatch(c -> c == "😀".codePointAt(0))).isTrue();
    }

    @Test
    void aNegativeLimitIsRefused() {
        assertThatThrownBy(() -> MarkdownText.truncate("text", -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
