package dev.remediator.core.drift;

import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The kinds of text a generated file is normalised as, told by the file name's extension. */
public enum SourceDialect {
    JAVA(text -> CStyleNormaliser.fold(text, CStyleNormaliser.JAVA), "java"),
    KOTLIN(text -> CStyleNormaliser.fold(text, CStyleNormaliser.KOTLIN_SCALA), "kt", "kts"),
    SCALA(text -> CStyleNormaliser.fold(text, CStyleNormaliser.KOTLIN_SCALA), "scala", "sc"),
    C(text -> CStyleNormaliser.fold(text, CStyleNormaliser.C), "c", "h"),
    CPP(text -> CStyleNormaliser.fold(text, CStyleNormaliser.CPP), "cc", "cpp", "cxx", "hh", "hpp", "hxx"),
    CSHARP(text -> CStyleNormaliser.fold(text, CStyleNormaliser.CSHARP), "cs"),
    SWIFT(text -> CStyleNormaliser.fold(text, CStyleNormaliser.SWIFT), "swift"),
    GO(text -> CStyleNormaliser.fold(text, CStyleNormaliser.GO), "go"),
    RUST(text -> CStyleNormaliser.fold(text, CStyleNormaliser.RUST), "rs"),
    JAVASCRIPT(text -> CStyleNormaliser.fold(text, CStyleNormaliser.JAVASCRIPT), "js", "mjs", "cjs", "jsx"),
    TYPESCRIPT(text -> CStyleNormaliser.fold(text, CStyleNormaliser.JAVASCRIPT), "ts", "mts", "cts", "tsx"),
    PROTO(text -> CStyleNormaliser.fold(text, CStyleNormaliser.PROTO), "proto"),
    PYTHON(text -> new PythonNormaliser(text).fold(), "py", "pyi"),
    YAML(text -> new YamlNormaliser(text).fold(), "yaml", "yml"),
    SHELL(text -> new ShellNormaliser(text).fold(), "sh", "bash", "zsh"),
    TOML(text -> new TomlNormaliser(text).fold(), "toml"),
    RUBY(text -> new RubyNormaliser(text).fold(), "rb"),
    JSON(JsonNormaliser::fold, "json"),
    XML(XmlNormaliser::fold, "xml", "xsd", "wsdl", "xsl", "xslt"),
    /** Any other text: whitespace folded line by line. */
    TEXT(PlainTextNormaliser::fold);

    private static final Map<String, SourceDialect> BY_EXTENSION = Stream.of(values())
            .flatMap(dialect -> Stream.of(dialect.extensions).map(extension -> Map.entry(extension, dialect)))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    private final UnaryOperator<String> folding;
    private final String[] extensions;

    SourceDialect(UnaryOperator<String> folding, String... extensions) {
        this.folding = folding;
        this.extensions = extensions;
    }

    public static SourceDialect of(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? TEXT : BY_EXTENSION.getOrDefault(name.substring(dot + 1).toLowerCase(Locale.ROOT), TEXT);
    }

    /** The text with comments and insignificant whitespace folded away; literals unchanged. */
    public String fold(String text) {
        return folding.apply(text);
    }

    /** The name this dialect's rules carry in a normalised hash, e.g. {@code java}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
