package dev.devops.scaffold;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.devops.descriptor.Descriptor;
import dev.devops.descriptor.DescriptorLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The committed files of every examples/* app, and of every build-test fixture that has a devops.yaml
 * (src/test/resources/docker-fixtures/*), are exactly what the built-in templates render from its
 * devops.yaml: the Dockerfiles the build tests build are the ones devops writes. After changing a
 * template, re-render with {@code devops render DIR --force}.
 */
class ExamplesGoldenTest {
    static Path examplesDir() {
        String dir = System.getProperty("devops.project.dir", ".");
        return Path.of(dir, "examples");
    }

    @TestFactory
    Stream<DynamicTest> everyExampleMatchesItsRender() throws IOException {
        List<Path> examples = withDescriptor(examplesDir());
        assertTrue(examples.size() >= 4, "expected the four examples, found " + examples);
        List<Path> fixtures = withDescriptor(examplesDir().resolveSibling("src/test/resources/docker-fixtures"));
        assertTrue(fixtures.stream().anyMatch(p -> p.endsWith("go-cmd")), "the go-cmd fixture: " + fixtures);
        examples.addAll(fixtures);
        return examples.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            Descriptor d = DescriptorLoader.load(dir.resolve("devops.yaml"));
            Plan plan = Scaffolder.plan(d, dir, TemplateSource.builtIn());
            assertFalse(plan.files().isEmpty());
            StringBuilder diffs = new StringBuilder();
            for (PlannedFile f : plan.files()) {
                if (f.action() != PlannedFile.Action.UNCHANGED) {
                    diffs.append(f.action()).append(' ').append(f.relativePath()).append('\n').append(f.diff());
                }
            }
            if (diffs.length() > 0) {
                fail(dir + " differs from its render (re-render with 'devops render " + dir
                        + " --force' if the template change is intended):\n" + diffs);
            }
        }));
    }

    private static List<Path> withDescriptor(Path parent) throws IOException {
        try (Stream<Path> s = Files.list(parent)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("devops.yaml"))).sorted().collect(Collectors.toList());
        }
    }
}
