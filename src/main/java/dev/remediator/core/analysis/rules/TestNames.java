package dev.remediator.core.analysis.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Normal forms of test names: {@code package.Class#method} for JVM and unittest tests. */
final class TestNames {

    private static final Pattern METHOD_OF_CLASS = Pattern.compile("^([^\\s(]+)\\(([\\w.$]+)\\)$");
    private static final Pattern QUALIFIED_METHOD = Pattern.compile("^((?:[\\w$]+\\.)+[\\w$]+)\\.([^.]+)$");

    private TestNames() {
    }

    /** {@code Class#method}, without the empty parentheses JUnit 5 adds to display names. */
    static String member(String className, String method) {
        String name = method.strip();
        if (name.endsWith("()")) {
            name = name.substring(0, name.length() - 2);
        }
        return className == null || className.isEmpty() ? name : className + "#" + name;
    }

    /**
     * A JVM test named the way a runner printed it: {@code method(pkg.Class)} (JUnit 4), {@code pkg.Class.method}
     * (Surefire 3), or a bare method of {@code currentClass}, the class the runner was reporting on.
     */
    static String jvm(String printed, String currentClass) {
        String name = printed.strip();
        Matcher methodOfClass = METHOD_OF_CLASS.matcher(name);
        if (methodOfClass.matches()) {
            String testClass = methodOfClass.group(2);
            String method = methodOfClass.group(1);
            return member(testClass, method.startsWith(testClass + ".") ? method.substring(testClass.length() + 1) : method);
        }
        if (currentClass != null && name.startsWith(currentClass + ".")) {
            return member(currentClass, name.substring(currentClass.length() + 1));
        }
        Matcher qualified = QUALIFIED_METHOD.matcher(name);
        if (qualified.matches() && Character.isUpperCase(simpleName(qualified.group(1)).charAt(0))) {
            return member(qualified.group(1), qualified.group(2));
        }
        return member(currentClass, name);
    }

    private static String simpleName(String qualified) {
        String afterDot = qualified.substring(qualified.lastIndexOf('.') + 1);
        int dollar = afterDot.lastIndexOf('$');
        return afterDot.substring(dollar + 1).isEmpty() ? afterDot : afterDot.substring(dollar + 1);
    }
}
