package dev.devops.scaffold;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** scaffold renders files: it reads the descriptor and never reaches up into the CLI, Docker or lint. */
class ScaffoldArchitectureTest {
    // only the main classes directory: scanning the whole classpath for the package takes seconds
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importLocations(Set.of(Location.of(Scaffolder.class.getProtectionDomain().getCodeSource().getLocation())));

    @Test
    void scaffoldDependsOnlyOnCoreDescriptorAndYaml() {
        org.junit.jupiter.api.Assertions.assertTrue(CLASSES.contain(Scaffolder.class), "main classes imported");
        noClasses().that().resideInAPackage("dev.devops.scaffold..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.devops.cli..", "dev.devops.engine..", "dev.devops.lint..", "dev.devops.detect..",
                        "com.github.dockerjava..", "picocli..")
                .check(CLASSES);
    }

    @Test
    void nothingButTheCliDependsOnScaffoldCommands() {
        noClasses().that().resideOutsideOfPackage("dev.devops.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.devops.cli..")
                .check(CLASSES);
    }
}
