package dev.remediator.config;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;
import io.smallrye.config.WithName;

/**
 * Checks each setting where it is read, so that a misconfigured instance stops at start with one line naming the
 * setting, its environment variable and what to write instead. It knows every {@link RemediatorConfig} setting from
 * the mapping itself, and the few Quarkus settings operators get wrong most. No value that could be secret is ever
 * repeated.
 *
 * <p>A bad value is recorded and replaced by a harmless stand-in rather than refused on the spot: refused here, it
 * would surface inside Quarkus's multi-line validation report after the buffered start-up log. {@link StartupChecks}
 * then stops the start, before anything has used a stand-in, with the recorded line alone.
 */
// Outside the interceptors that expand expressions and pick the profile: the check sees the value in effect.
@Priority(Priorities.LIBRARY)
public class SettingsCheck implements ConfigSourceInterceptor {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN (RSA )?PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END (RSA )?PRIVATE KEY-----\\s*");

    private static final Map<String, Rule> RULES = rules();

    /** The problems found since the last start-up check, by setting: one process starts one app at a time. */
    private static final Map<String, String> PROBLEMS = new ConcurrentSkipListMap<>();

    /** A setting's check, and a valid value that stands in for a bad one until the start is stopped. */
    private record Rule(Function<String, Optional<String>> check, Supplier<String> standIn) {
    }

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        Rule rule = RULES.get(name);
        // the build reads values with their expressions unexpanded; the start checks them expanded
        if (value == null || value.getValue() == null || rule == null || value.getValue().contains("${")) {
            return value;
        }
        Optional<String> problem = rule.check().apply(value.getValue());
        if (problem.isEmpty()) {
            return value;
        }
        PROBLEMS.put(name, name + " (" + environmentVariable(name) + ") " + problem.get());
        return value.withValue(rule.standIn().get());
    }

    /** A problem with {@code setting} found elsewhere than in its value (the database it names cannot be had). */
    static void report(String setting, String line) {
        PROBLEMS.put(setting, line);
    }

    /** Each bad setting read since the last call, in one line each; forgets them. */
    static List<String> takeProblems() {
        List<String> problems = List.copyOf(PROBLEMS.values());
        PROBLEMS.clear();
        return problems;
    }

    /** The environment variable that sets a property: upper case, anything but letters and digits an underscore. */
    public static String environmentVariable(String property) {
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** Every setting this check knows. */
    static Set<String> settings() {
        return RULES.keySet();
    }

    /** The problem with {@code value} for setting {@code name}, if any; for the settings this check knows. */
    static Optional<String> problem(String name, String value) {
        Rule rule = RULES.get(name);
        return rule == null ? Optional.empty() : rule.check().apply(value);
    }

    private static Map<String, Rule> rules() {
        Map<String, Rule> rules = new HashMap<>();
        collect(RemediatorConfig.class, "remediator", rules);
        rules.put("quarkus.github-app.private-key", new Rule(SettingsCheck::privateKey, ThrowawayKey::pem));
        rules.put("quarkus.datasource.jdbc.url", new Rule(value -> value.startsWith("jdbc:postgresql://")
                ? Optional.empty()
                : Optional.of("is not a PostgreSQL JDBC URL: write jdbc:postgresql://HOST:5432/DATABASE (not postgres://...),"
                        + " with the user and password in QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD"),
                () -> "jdbc:postgresql://127.0.0.1:5432/postgres"));
        return Map.copyOf(rules);
    }

    private static void collect(Class<?> group, String prefix, Map<String, Rule> rules) {
        for (Method setting : group.getDeclaredMethods()) {
            String name = prefix + "." + (setting.isAnnotationPresent(WithName.class)
                    ? setting.getAnnotation(WithName.class).value() : kebab(setting.getName()));
            Type type = setting.getGenericReturnType();
            if (type instanceof ParameterizedType optional && optional.getRawType() == Optional.class) {
                type = optional.getActualTypeArguments()[0];
            }
            if (type instanceof Class<?> nested && nested.isInterface() && nested.getEnclosingClass() != null) {
                collect(nested, name, rules);
            } else {
                rules.put(name, rule(setting, type));
            }
        }
    }

    private static Rule rule(Method setting, Type type) {
        if (type == Duration.class) {
            return new Rule(SettingsCheck::positiveDuration, () -> "60s");
        }
        if (type == int.class || type == long.class) {
            Constraint.Minimum minimum = setting.getAnnotation(Constraint.Minimum.class);
            long least = minimum == null ? 1 : minimum.value();
            return new Rule(value -> wholeNumber(value, least), () -> String.valueOf(least));
        }
        if (setting.isAnnotationPresent(Constraint.Fraction.class)) {
            return new Rule(SettingsCheck::fraction, () -> "0.5");
        }
        if (setting.isAnnotationPresent(Constraint.HttpUrl.class)) {
            return new Rule(SettingsCheck::httpUrl, () -> "https://remediator.invalid");
        }
        return new Rule(value -> Optional.empty(), () -> "");
    }

    private static Optional<String> positiveDuration(String value) {
        Duration duration;
        try {
            duration = DurationConverter.parseDuration(value.trim());
        } catch (RuntimeException e) {
            duration = null;
        }
        if (duration == null) {
            return Optional.of("is \"" + value + "\", not a duration: write one such as 500ms, 60s, 5m, 6h or 14d");
        }
        return duration.isNegative() || duration.isZero()
                ? Optional.of("is " + value + ": it must be longer than zero, such as 60s, 5m or 6h")
                : Optional.empty();
    }

    private static Optional<String> wholeNumber(String value, long minimum) {
        try {
            long number = Long.parseLong(value.trim());
            if (number >= minimum && number <= Integer.MAX_VALUE) {
                return Optional.empty();
            }
        } catch (NumberFormatException e) {
            // said below
        }
        return Optional.of("is \"" + value + "\": write a whole number, at least " + minimum);
    }

    private static Optional<String> fraction(String value) {
        try {
            double share = Double.parseDouble(value.trim());
            if (share > 0 && share <= 1) {
                return Optional.empty();
            }
        } catch (NumberFormatException e) {
            // said below
        }
        return Optional.of("is \"" + value + "\": write a share above 0 and at most 1, such as 0.5");
    }

    private static Optional<String> httpUrl(String value) {
        try {
            URI uri = URI.create(value.trim());
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
                return Optional.empty();
            }
        } catch (IllegalArgumentException e) {
            // said below
        }
        return Optional.of("is not an http(s) address: write one such as https://remediator.example.com");
    }

    /** The private key is secret: the answer says what is wrong with it, never what it holds. */
    private static Optional<String> privateKey(String value) {
        Matcher pem = PEM.matcher(value.trim() + "\n");
        String expected = ": give the whole .pem file GitHub gave for the app, from its -----BEGIN RSA PRIVATE KEY----- line"
                + " to its -----END RSA PRIVATE KEY----- line, line breaks kept (PKCS#8 \"BEGIN PRIVATE KEY\" works too)";
        if (!pem.matches()) {
            return Optional.of("is not a PEM private key" + expected);
        }
        try {
            Base64.getMimeDecoder().decode(pem.group(2).replaceAll("\\s", ""));
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("is a damaged PEM private key" + expected);
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
