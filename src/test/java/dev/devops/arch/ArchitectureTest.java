package dev.devops.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package arrows of DESIGN.md, checked: cli depends on everything, nothing depends on cli. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // the main classes directory only, whatever the build directory is called (-Dbuild.dir=target-x):
        // scanning the whole class path for the package takes seconds
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importLocations(Set.of(Location.of(dev.devops.cli.Main.class.getProtectionDomain().getCodeSource().getLocation())));
        // a rule over no classes passes vacuously: make sure the main classes were found
        assertTrue(classes.size() > 100, "main classes imported: " + classes.size());
        assertTrue(classes.contain(dev.devops.scaffold.Scaffolder.class) && classes.contain(dev.devops.cli.Main.class));
    }

    private static void check(ArchRule rule) {
        rule.allowEmptyShould(true).check(classes);
    }

    @Test
    void nothingDependsOnCli() {
        check(noClasses().that().resideOutsideOfPackage("dev.devops.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.devops.cli.."));
    }

    @Test
    void coreAndYamlAreLeaves() {
        check(noClasses().that().resideInAPackage("dev.devops.core..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.devops.yaml..", "dev.devops.descriptor..",
                        "dev.devops.detect..", "dev.devops.scaffold..", "dev.devops.compose..", "dev.devops.lint..",
                        "dev.devops.report..", "dev.devops.git..", "dev.devops.engine.."));
        check(noClasses().that().resideInAPackage("dev.devops.yaml..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.devops.descriptor..", "dev.devops.detect..",
                        "dev.devops.scaffold..", "dev.devops.compose..", "dev.devops.lint..", "dev.devops.report..",
                        "dev.devops.git..", "dev.devops.engine.."));
    }

    @Test
    void filesIsALeafBesideCore() {
        check(noClasses().that().resideInAPackage("dev.devops.files..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.devops.yaml..", "dev.devops.descriptor..",
                        "dev.devops.detect..", "dev.devops.scaffold..", "dev.devops.compose..", "dev.devops.lint..",
                        "dev.devops.report..", "dev.devops.git..", "dev.devops.engine..", "dev.devops.cli.."));
    }

    @Test
    void composeDependsOnlyOnCoreFilesAndYaml() {
        check(noClasses().that().resideInAPackage("dev.devops.compose..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.devops.descriptor..", "dev.devops.detect..",
                        "dev.devops.scaffold..", "dev.devops.lint..", "dev.devops.report..", "dev.devops.git..",
                        "dev.devops.engine..", "dev.devops.cli.."));
    }

    @Test
    void scaffoldDependsOnlyOnCoreFilesDescriptorAndYaml() {
        check(noClasses().that().resideInAPackage("dev.devops.scaffold..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.devops.cli..", "dev.devops.engine..",
                        "dev.devops.lint..", "dev.devops.detect..", "com.github.dockerjava..", "picocli.."));
    }

    @Test
    void descriptorDependsOnlyOnCoreAndYaml() {
        check(noClasses().that().resideInAPackage("dev.devops.descriptor..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.devops.detect..", "dev.devops.scaffold..",
                        "dev.devops.compose..", "dev.devops.lint..", "dev.devops.report..", "dev.devops.git..",
                        "dev.devops.engine.."));
    }

    @Test
    void lintNeverTouchesDocker() {
        check(noClasses().that().resideInAPackage("dev.devops.lint..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.devops.engine..", "com.github.dockerjava.."));
    }

    @Test
    void onlyTheEngineTalksToDocker() {
        check(noClasses().that().resideOutsideOfPackages("dev.devops.engine..", "dev.devops.cli..")
                .should().dependOnClassesThat().resideInAPackage("com.github.dockerjava.."));
    }

    @Test
    void engineNeverPrints() {
        check(noClasses().that().resideInAPackage("dev.devops.engine..")
                .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .because("the engine reports events to a listener that cli renders"));
    }

    @Test
    void domainPackagesDoNotReachUpwards() {
        check(noClasses().that().resideInAnyPackage("dev.devops.detect..", "dev.devops.compose..", "dev.devops.git..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.devops.scaffold..", "dev.devops.lint..",
                        "dev.devops.report..", "dev.devops.engine.."));
        check(noClasses().that().resideInAPackage("dev.devops.scaffold..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.devops.lint..", "dev.devops.report..",
                        "dev.devops.engine.."));
        check(noClasses().that().resideInAPackage("dev.devops.report..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.devops.engine..", "dev.devops.scaffold.."));
    }
}
