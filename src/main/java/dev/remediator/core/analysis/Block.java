package dev.remediator.core.analysis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The extent of a failure from the line a rule recognised (its anchor) onwards, decided line by line as the log is
 * read: the exception with its message and first stack frames, a pytest or cargo section, a Jest {@code ●} block,
 * Gradle's "What went wrong", a Surefire failure with its assertion message, a compiler error with its source line and
 * caret, a group of {@code [ERROR]}, sbt {@code [error]} or {@code npm ERR!} lines, a numbered PHPUnit failure,
 * Terraform's boxed diagnostic (to the box's end, blank lines included), BuildKit's output of a failed step (to its
 * closing {@code ------}). A block ends at a blank line (inside sections, at two), at a line indented less than its
 * body, at a new step or group, at the start of the next section of its kind, or at {@value #MAX_LINES} lines.
 *
 * <p>Stack traces are cut: every frame up to the first of the project's own (not the JDK's, a test framework's, a
 * build tool's or a dependency's) and {@value #FRAMES_AFTER_OWN} more, or {@value #MAX_FRAMES} frames when none is
 * the project's; the frames left out are counted, and the block ends with them.
 */
final class Block {

    static final int MAX_LINES = 60;
    static final int MAX_FRAMES = 12;
    static final int FRAMES_AFTER_OWN = 3;
    /** Lines of a multi-line message right after a heading like {@code <<< FAILURE!}. */
    private static final int MESSAGE_LINES = 6;

    /** What happens to the line offered. */
    enum Step {
        /** The line belongs to the block. */
        TAKE,
        /** The line is read as part of the block but left out of it (a stack frame beyond the cut). */
        SKIP,
        /** The block ended before this line. */
        END
    }

    private enum Shape {
        /** A line and what continues it: deeper indentation, a caret, {@code Caused by:}. */
        LINE,
        /** A heading whose message follows on the next lines at the same indentation (Surefire, Gradle's "> "). */
        HEADING,
        /** A section running to the next heading of its kind, blank lines included. */
        SECTION
    }

    private static final Pattern PYTEST_SECTION = Pattern.compile("^_{3,} .+ _{3,}$");
    private static final Pattern UNITTEST_HEADING = Pattern.compile("^(?:FAIL|ERROR): \\S+.*");
    private static final Pattern NUMBERED_HEADING = Pattern.compile("^\\s+\\d+\\) \\S");
    /** PHPUnit's numbered failures start at the margin; its verdict ({@code FAILURES!}) follows the last. */
    private static final Pattern NUMBERED_AT_MARGIN = Pattern.compile("^\\d+\\) \\S");
    private static final Pattern VERDICT = Pattern.compile("^[A-Z][A-Z ]+!$");
    /** unittest's line under its last section, before {@code Ran N tests}. */
    private static final Pattern UNITTEST_END = Pattern.compile("^-{70}$|^Ran \\d+ tests?\\b.*");
    private static final Pattern CARGO_SECTION = Pattern.compile("^---- .+ ----$");
    private static final Pattern FRAMES_MORE = Pattern.compile("^\\.\\.\\. \\d+ more$");
    /** Prefixes of a tool's lines that group them: every line with the anchor's prefix continues its block. */
    private static final String[] PREFIXES = { "[ERROR] ", "npm ERR! ", "npm error ", "[error] " };
    /** Prefixes of every line of a tool (sbt's level): indentation counts after them, but they group nothing. */
    private static final String[] LEVEL_PREFIXES = { "[info] " };
    /** BuildKit's box around a failed step's output: {@code > [stage 2/5] RUN ...:}, the output, then this line. */
    private static final String BUILDKIT_BOX_END = "------";
    /** Terraform's box around a diagnostic ({@code ╷}, then {@code │ } before each line, then {@code ╵}). */
    private static final String BOX = "│";
    /** xUnit's lines as {@code dotnet test} shows them, behind the time they were printed at. */
    private static final Pattern XUNIT_PREFIX = Pattern.compile("^\\[xUnit\\.net [\\d:.]+\\] ");
    /** CTest's failed test; with {@code --output-on-failure} the test's output follows at the margin. */
    private static final Pattern CTEST_FAILED = Pattern.compile(
            "^\\d+/\\d+ Test +#\\d+: .*\\*\\*\\*(?:Failed|Exception|Timeout)");
    /** VSTest's {@code Failed Name [12 ms]}: its error message and stack trace follow at the same indentation. */
    private static final Pattern VSTEST_FAILED = Pattern.compile("^Failed \\S.* \\[[^\\]]+\\]$");
    private static final String[] OTHER_LEVELS = { "[INFO]", "[WARNING]", "[WARN]", "[DEBUG]", "[info]", "[warn]",
            "[success]" };
    private static final String[] LIBRARY_FRAMES = { "java.", "javax.", "jdk.", "sun.", "com.sun.", "kotlin.", "scala.",
            "org.junit.", "junit.", "org.opentest4j.", "org.apache.maven.", "org.gradle.", "org.testng.", "worker.org.gradle.",
            "org.assertj.", "org.hamcrest.", "org.mockito.", "org.springframework.", "node:", "internal/", "<anonymous>",
            "Object.<anonymous> (node_modules", "process.processTicksAndRejections", "System.", "Microsoft.", "Xunit.",
            "NUnit.", "FluentAssertions.", "Shouldly." };

    private final Shape shape;
    private final String prefix;
    private final int indent;
    private final String sectionStart;
    private final boolean indentedSection;
    private final boolean numberedSection;
    /** Inside a box, which runs to its last bordered line, blank ones included. */
    private final boolean boxed;
    /** Inside BuildKit's box of a failed step's output, which runs to its closing line. */
    private final boolean buildkitBox;
    private int messageLines;
    private boolean inGroup;
    private int pendingBlanks;
    private int frames;
    private int framesAfterOwn = -1;
    private int omittedFrames;
    private boolean cut;
    /** Last line number taken, relative to the anchor (0). */
    private int lastTaken;
    private int offset;

    /** Opens a block at its anchor, cleaned of timestamp, colours and runner marker. */
    Block(String line) {
        String anchor = withoutTimePrefix(line);
        String p = "";
        for (String candidate : PREFIXES) {
            if (anchor.startsWith(candidate)) {
                p = candidate;
                break;
            }
        }
        if (p.isEmpty() && anchor.stripLeading().startsWith("[junit] ")) {
            // Ant prints every line of a test's report behind its task's name
            p = anchor.substring(0, anchor.indexOf("[junit] ") + "[junit] ".length());
        }
        boolean grouping = !p.isEmpty();
        for (String candidate : LEVEL_PREFIXES) {
            if (p.isEmpty() && anchor.startsWith(candidate)) {
                p = candidate;
            }
        }
        prefix = p;
        String body = anchor.substring(p.length());
        indent = indentation(body);
        String trimmed = body.strip();
        // Jest's "●" and the numbered examples of RSpec and Mocha: a body indented deeper, blank lines inside
        indentedSection = trimmed.startsWith("● ") || NUMBERED_HEADING.matcher(body).find() && !trimmed.endsWith(":");
        numberedSection = NUMBERED_AT_MARGIN.matcher(body).find() && !trimmed.endsWith(":");
        boxed = anchor.startsWith(BOX);
        buildkitBox = trimmed.startsWith("> [") && trimmed.endsWith(":");
        if (PYTEST_SECTION.matcher(trimmed).matches()) {
            shape = Shape.SECTION;
            sectionStart = "___";
        } else if (CARGO_SECTION.matcher(trimmed).matches()) {
            shape = Shape.SECTION;
            sectionStart = "---- ";
        } else if (UNITTEST_HEADING.matcher(trimmed).matches()) {
            shape = Shape.SECTION;
            sectionStart = "======";
        } else if (numberedSection) {
            shape = Shape.SECTION;
            sectionStart = null;
        } else if (indentedSection || trimmed.equals("* What went wrong:")) {
            shape = Shape.SECTION;
            sectionStart = trimmed.startsWith("● ") ? "● " : "* ";
        } else {
            shape = trimmed.endsWith("<<< FAILURE!") || trimmed.endsWith("<<< ERROR!") || trimmed.endsWith(":")
                    || VSTEST_FAILED.matcher(trimmed).matches() || CTEST_FAILED.matcher(trimmed).find()
                    ? Shape.HEADING : Shape.LINE;
            sectionStart = null;
        }
        inGroup = grouping;
    }

    /** Offers the next line (cleaned, with its runner marker); after {@link Step#END} the block takes no more. */
    Step offer(String line, LogMarker marker) {
        String text = withoutTimePrefix(line);
        offset++;
        if (marker == LogMarker.GROUP || marker == LogMarker.ENDGROUP || marker == LogMarker.ERROR
                || marker == LogMarker.SECTION || offset > MAX_LINES) {
            return Step.END;
        }
        if (buildkitBox) {
            return text.equals(BUILDKIT_BOX_END) ? Step.END : take();
        }
        if (boxed) {
            return !text.startsWith(BOX) ? Step.END : text.substring(BOX.length()).isBlank() ? Step.SKIP : take();
        }
        boolean samePrefix = !prefix.isEmpty() && text.startsWith(prefix);
        String body = samePrefix ? text.substring(prefix.length()) : text;
        if (!samePrefix && startsWithAny(text, OTHER_LEVELS)) {
            return Step.END;
        }
        if (body.isBlank()) {
            pendingBlanks++;
            return shape == Shape.SECTION && pendingBlanks <= 2 || indentedSection ? Step.SKIP : Step.END;
        }
        String trimmed = body.strip();
        if (cut) {
            return isFrame(trimmed) || FRAMES_MORE.matcher(trimmed).matches() ? skipFrame(trimmed) : Step.END;
        }
        if (isFrame(trimmed)) {
            return frame(trimmed);
        }
        if (continues(body, trimmed, samePrefix)) {
            return take();
        }
        return Step.END;
    }

    private boolean continues(String body, String trimmed, boolean samePrefix) {
        int depth = indentation(body);
        if (shape == Shape.SECTION) {
            if (indentedSection) {
                return depth > indent && !trimmed.startsWith(sectionStart);
            }
            if (numberedSection) {
                return !NUMBERED_AT_MARGIN.matcher(body).find() && !VERDICT.matcher(trimmed).matches();
            }
            return !trimmed.startsWith(sectionStart) && !trimmed.startsWith("====") && !trimmed.equals("failures:")
                    && !trimmed.startsWith("test result:") && !UNITTEST_END.matcher(trimmed).matches();
        }
        if (pendingBlanks > 0) {
            return false;
        }
        if (depth > indent || trimmed.startsWith("Caused by:") || trimmed.startsWith("Suppressed:")
                || FRAMES_MORE.matcher(trimmed).matches() || trimmed.startsWith("^") || trimmed.startsWith("|")
                || trimmed.startsWith("-->") || trimmed.startsWith("= ")) {
            inGroup &= samePrefix;
            return true;
        }
        if (inGroup && samePrefix && frames == 0) {
            return true;
        }
        inGroup = false;
        if (shape == Shape.HEADING && frames == 0 && messageLines < MESSAGE_LINES && !trimmed.startsWith("[")) {
            messageLines++;
            return true;
        }
        return false;
    }

    private Step frame(String trimmed) {
        frames++;
        if (framesAfterOwn < 0 && isOwnFrame(trimmed)) {
            framesAfterOwn = 0;
        } else if (framesAfterOwn >= 0) {
            framesAfterOwn++;
        }
        if (framesAfterOwn > FRAMES_AFTER_OWN || framesAfterOwn < 0 && frames > MAX_FRAMES) {
            cut = true;
            return skipFrame(trimmed);
        }
        return take();
    }

    private Step skipFrame(String trimmed) {
        omittedFrames += FRAMES_MORE.matcher(trimmed).matches()
                ? Integer.parseInt(trimmed.substring(4, trimmed.length() - 5)) : 1;
        return Step.SKIP;
    }

    private Step take() {
        pendingBlanks = 0;
        lastTaken = offset;
        return Step.TAKE;
    }

    /** Lines after the anchor that the block takes, the blank ones inside it included. */
    int extent() {
        return lastTaken;
    }

    /** Stack frames read but left out of the block. */
    int omittedFrames() {
        return omittedFrames;
    }

    private static boolean isFrame(String trimmed) {
        return trimmed.startsWith("at ") || trimmed.startsWith("File \"");
    }

    private static boolean isOwnFrame(String trimmed) {
        String where = trimmed.startsWith("at ") ? trimmed.substring(3) : trimmed;
        if (where.contains("site-packages") || where.contains("node_modules") || where.contains("/lib/python")) {
            return false;
        }
        return !startsWithAny(where, LIBRARY_FRAMES);
    }

    /** The line without the time a tool prints before each of its lines (xUnit's). */
    private static String withoutTimePrefix(String line) {
        if (line.startsWith("[xUnit.net ")) {
            Matcher time = XUNIT_PREFIX.matcher(line);
            if (time.find()) {
                return line.substring(time.end());
            }
        }
        return line;
    }

    private static boolean startsWithAny(String text, String[] prefixes) {
        for (String p : prefixes) {
            if (text.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private static int indentation(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                depth++;
            } else if (c == '\t') {
                depth += 4;
            } else {
                break;
            }
        }
        return depth;
    }
}
