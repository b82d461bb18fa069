package dev.remediator.config;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.management.JMException;
import javax.management.ObjectName;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * Tells the JVM at start which code its optimising compiler may compile: the log analysis and the JDK code it runs on
 * ({@value #RESOURCE} says why). The app adds the directives itself, through the JVM's diagnostic commands, so that
 * they hold however it is launched (the image, {@code java -jar}, a benchmark); only in production mode, since tests
 * and dev mode run in JVMs the app does not own.
 */
@ApplicationScoped
public class CompilerDirectives {

    private static final Logger LOG = Logger.getLogger(CompilerDirectives.class);
    static final String RESOURCE = "jvm/compiler-directives.json";
    private static final Pattern ADDED = Pattern.compile("(\\d+) compiler directives? added");

    void apply(@Observes StartupEvent event) {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        try {
            LOG.infof("JIT: %d compiler directives added: the optimising compiler for the log analysis only", add());
        } catch (IOException | JMException | RuntimeException e) {
            // a JVM without these diagnostic commands still runs the app, only with more compilation in its first bursts
            LOG.warnf("JIT: the compiler directives were not taken (%s); the JVM compiles as it sees fit", e.getMessage());
        }
    }

    /** Adds the directives to this JVM; how many it took. */
    static int add() throws IOException, JMException {
        Path file = Files.createTempFile("compiler-directives", ".json");
        try (InputStream directives = CompilerDirectives.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (directives == null) {
                throw new IOException(RESOURCE + " is not on the class path");
            }
            Files.copy(directives, file, StandardCopyOption.REPLACE_EXISTING);
            String answer = String.valueOf(diagnosticCommand("compilerDirectivesAdd", file.toString())).strip();
            Matcher added = ADDED.matcher(answer);
            int count = added.find() ? Integer.parseInt(added.group(1)) : 0;
            if (count == 0) {
                throw new IllegalStateException("the JVM answered: " + answer.replaceAll("\\s+", " "));
            }
            return count;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    static Object diagnosticCommand(String operation, String... arguments) throws JMException {
        return ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), operation, new Object[] { arguments },
                new String[] { String[].class.getName() });
    }
}
