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
 * The committed files of every examples/* app are exactly what the built-in templates render from its
 * devops.yaml. After changing a template, re-render with {@code devops render examples/NAME --force}.
 */
class ExamplesGoldenTest {
    static Path examplesDir() {
        String dir = System.getProperty("devops.project.dir", ".");
        return Path.of(dir, "examples");
    }

    @TestFactory
    Stream<DynamicTest> everyExampleMatchesItsRender() throws IOException {
        List<Path> examples;
        try (Stream<Path> s = Files.list(examplesDir())) {
            examples = s.filter(p -> Files.isRegularFile(p.resolve("devops.yaml"))).sorted().collect(Collectors.toList());
        }
        assertTrue(examples.size() >= 4, "expected the four examples, found " + examples);
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
                fail("examples/" + dir.getFileName() + " differs from its render (re-render with 'devops render "
                        + "examples/" + dir.getFileName() + " --force' if the template change is intended):\n" + diffs);
            }
        }));
    }
}
