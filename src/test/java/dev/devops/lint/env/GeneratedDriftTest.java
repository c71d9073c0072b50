package dev.devops.lint.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.descriptor.Descriptor;
import dev.devops.descriptor.DescriptorLoader;
import dev.devops.lint.Finding;
import dev.devops.lint.LintContext;
import dev.devops.scaffold.Scaffolder;
import dev.devops.scaffold.TemplateSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DRIFT0001/0002 against files really rendered by the scaffolder, then edited. */
class GeneratedDriftTest {
    private static final String YAML = "name: demo\n\napps:\n  web:\n    runtime:\n      language: node\n      version: \"20\"\n"
            + "      buildTool: npm\n    port: 3000\n    env:\n      PORT:\n        default: \"3000\"\n";

    private static List<Finding> drift(Path dir) throws IOException {
        Descriptor d = DescriptorLoader.load(dir.resolve("devops.yaml"));
        List<String> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
        List<Finding> out = new ArrayList<>();
        DriftCheck check = new DriftCheck();
        check.run(new LintContext(dir, files, Set.of(), d), out::add);
        return dev.devops.lint.testing.FixtureAssert.reportedOn(check, out);
    }

    @Test
    void renderedFilesAreCleanAndAnEditIsDrift(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("devops.yaml"), YAML);
        Files.writeString(dir.resolve(".nvmrc"), "20\n");
        Descriptor d = DescriptorLoader.load(dir.resolve("devops.yaml"));
        Scaffolder.apply(Scaffolder.plan(d, dir, TemplateSource.builtIn()), dir, true);
        assertEquals(List.of(), drift(dir), "freshly rendered files do not drift");

        Path df = dir.resolve("Dockerfile");
        Files.writeString(df, Files.readString(df, StandardCharsets.UTF_8).replace("node:20", "node:22"));
        Files.delete(dir.resolve(".dockerignore"));
        List<Finding> findings = drift(dir);
        List<String> ids = findings.stream().map(f -> f.rule().id() + " " + f.path()).sorted().toList();
        assertTrue(ids.contains("DRIFT0001 Dockerfile"), ids.toString());
        assertTrue(ids.contains("DRIFT0002 .dockerignore"), ids.toString());
        assertTrue(ids.contains("DRIFT0003 Dockerfile"), "the edit also disagrees with .nvmrc: " + ids);
        Finding f = findings.stream().filter(x -> x.rule().id().equals("DRIFT0001")).findFirst().orElseThrow();
        assertTrue(f.message().contains("+FROM node:20") || f.message().contains("-FROM node:22")
                || f.properties().get("diff").contains("node:22"), f.message());
        assertTrue(f.properties().get("diff").contains("node:22"));
        assertEquals("run devops render --force (or edit devops.yaml)", f.hint());
    }

    @Test
    void driftOfUneditedDevopsOutputSaysPlainRenderFixesIt(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("devops.yaml"), YAML);
        Descriptor d = DescriptorLoader.load(dir.resolve("devops.yaml"));
        Scaffolder.apply(Scaffolder.plan(d, dir, TemplateSource.builtIn()), dir, true);
        Files.writeString(dir.resolve("devops.yaml"), YAML.replace("port: 3000", "port: 3001"));
        Finding f = drift(dir).stream().filter(x -> x.rule().id().equals("DRIFT0001") && x.path().equals("Dockerfile"))
                .findFirst().orElseThrow();
        assertEquals("run devops render (the file is still as devops wrote it: no --force needed)", f.hint());
    }

    @Test
    void handWrittenDockerfileIsNotDrift(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("devops.yaml"), YAML);
        Descriptor d = DescriptorLoader.load(dir.resolve("devops.yaml"));
        Scaffolder.apply(Scaffolder.plan(d, dir, TemplateSource.builtIn()), dir, true);
        Files.writeString(dir.resolve("Dockerfile"), "FROM node:20-alpine\nUSER node\nCMD [\"node\", \"index.js\"]\n");
        assertEquals(List.of(), drift(dir));
    }
}
