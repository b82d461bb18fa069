package dev.remediator.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import jakarta.persistence.Entity;

/** The layering that docs/architecture.md describes, checked on every build so that it stays true. */
class ArchitectureTest {

    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.remediator");

    /** Log analysis, drift, risk, planning and the lifecycle are plain Java: data in, data out. */
    @Test
    void coreKnowsNoFrameworkNetworkOrStore() {
        noClasses().that().resideInAPackage("dev.remediator.core..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "io.quarkiverse..", "jakarta..",
                        "javax..", "org.kohsuke..", "java.net.http..", "io.vertx..", "org.hibernate..", "java.sql..",
                        "io.smallrye..", "io.micrometer..", "org.eclipse.microprofile..", "org.jboss..", "dev.langchain4j..")
                .orShould().dependOnClassesThat().resideInAnyPackage("dev.remediator.api..", "dev.remediator.cli..",
                        "dev.remediator.dashboard..", "dev.remediator.notify..", "dev.remediator.delivery..", "dev.remediator.events..", "dev.remediator.flow..",
                        "dev.remediator.github..", "dev.remediator.jobs..", "dev.remediator.llm..", "dev.remediator.outbox..",
                        "dev.remediator.setup..", "dev.remediator.store..", "dev.remediator.webhook..")
                .because("the core is tested as plain data in, data out (docs/architecture.md)")
                .check(APP);
    }

    @Test
    void entitiesStayInTheStore() {
        classes().that().areAnnotatedWith(Entity.class)
                .should().onlyHaveDependentClassesThat().resideInAPackage("dev.remediator.store..")
                .because("flows pass core records; only the store knows tables (docs/architecture.md)")
                .check(APP);
    }

    /** Between the adapters, between the core's parts (a rule set belongs to its analysis), and between the flows. */
    @Test
    void noCyclesBetweenPackages() {
        slices().matching("dev.remediator.(*)..").should().beFreeOfCycles().check(APP);
        slices().matching("dev.remediator.core.(*)..").should().beFreeOfCycles().check(APP);
        slices().matching("dev.remediator.flow.(*)..").should().beFreeOfCycles().check(APP);
    }
}
