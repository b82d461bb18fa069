package dev.remediator.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Hostile strings, made of what Markdown and GitHub give a meaning to, never escape the escaping. */
class MarkdownTextPropertiesTest {

    /** A mention GitHub would notify: {@code @} after a non-word character, then a login's first character. */
    private static final Pattern LIVE_MENTION = Pattern.compile("(?<![A-Za-z0-9`])@[A-Za-z0-9]");
    /** A reference GitHub would link: {@code #} and a digit (not the zero-width space entity itself). */
    private static final Pattern LIVE_REFERENCE = Pattern.compile("(?<!&)#[0-9]");

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.of("@octo-org/admins", "@alice", "#12", "octo/repo#7", "`", "``", "```", "\\", "<script>",
                        "[x](javascript:alert(1))", "![i](http://e.vil/i.png)", "**", "_", "|", "\n", "\r\n", "&lt;",
                        "&#64;", "<!--", "-->", "~~~", "> ", "- ", "1. ", "@", "#", " "),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(8),
                Arbitraries.strings().all().ofMaxLength(4));
        return pieces.list().ofMaxSize(20).map(list -> String.join("", list));
    }

    @Property(tries = 2000)
    void escapedTextMentionsReferencesAndMarksUpNothing(@ForAll("hostile") String text) {
        String escaped = MarkdownText.escape(text);

        assertThat(LIVE_MENTION.matcher(escaped).find()).as("a live mention in %s", escaped).isFalse();
        assertThat(LIVE_REFERENCE.matcher(escaped).find()).as("a live reference in %s", escaped).isFalse();
        assertThat(escaped).doesNotContain("<", "\n", "\r").doesNotContainPattern("(?<!\\\\)[`*_\\[\\]|]");
    }

    @Property(tries = 2000)
    void inlineCodeCannotBeClosedFromInside(@ForAll("hostile") String text) {
        String code = MarkdownText.code(text);

        Matcher fence = Pattern.compile("^(`+)").matcher(code);
        assertThat(fence.find()).isTrue();
        String opening = fence.group(1);
        assertThat(code).endsWith(opening).doesNotContain("\n", "\r");
        String inside = code.substring(opening.length(), code.length() - opening.length());
        assertThat(inside).as("a run of %d backticks inside would close the span", opening.length())
                .doesNotContain(opening);
        assertThat(inside).doesNotStartWith("`").doesNotEndWith("`");
    }

    @Property(tries = 1000)
    void codeBlocksCannotBeClosedFromInside(@ForAll("hostile") String text) {
        String block = MarkdownText.codeBlock(text);
        String fence = block.substring(0, block.indexOf('\n'));
        String inside = block.substring(fence.length() + 1, block.length() - fence.length());

        assertThat(fence).matches("`{3,}");
        assertThat(inside.lines()).noneMatch(line -> line.strip().startsWith(fence));
    }

    @Property(tries = 1000)
    void escapingKeepsTheTextAReaderSees(@ForAll("hostile") String text) {
        String read = MarkdownText.escape(text).replace(MarkdownText.WORD_BREAK, "").replaceAll("\\\\(.)", "$1")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");

        assertThat(read).isEqualTo(text.replace("\r", "").replace('\n', ' ').replace('\t', ' '));
    }
}
