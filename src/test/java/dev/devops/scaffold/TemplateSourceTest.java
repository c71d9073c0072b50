package dev.devops.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.core.UserError;
import dev.devops.descriptor.Descriptor;
import dev.devops.testsupport.Descriptors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateSourceTest {
    @TempDir
    Path overrides;
    @TempDir
    Path root;

    private final Descriptor d = Descriptors.parse(Descriptors.NODE);

    @Test
    void anOverrideReplacesOneTemplateAndTheOthersFallBack() throws IOException {
        Files.createDirectories(overrides.resolve("dockerfile"));
        Files.writeString(overrides.resolve("dockerfile/node.ftl"), "# ours\nFROM registry.example.com/node:${app.version}\n");
        TemplateSource t = TemplateSource.withOverrides(overrides);
        assertTrue(t.isOverridden("dockerfile/node.ftl"));
        assertFalse(t.isOverridden("docker-compose.yml.ftl"));
        Plan p = Scaffolder.plan(d, root, t);
        assertEquals("# ours\nFROM registry.example.com/node:20\n", p.file("Dockerfile").newContent());
        assertEquals(Scaffolder.plan(d, root, TemplateSource.builtIn()).file("docker-compose.yml").newContent(),
                p.file("docker-compose.yml").newContent());
    }

    @Test
    void anOverriddenIncludeIsUsedByTheBuiltInTemplatesThatIncludeIt() throws IOException {
        Files.createDirectories(overrides.resolve("dockerignore"));
        Files.writeString(overrides.resolve("dockerignore/_common.ftl"), "# company rules\n.git\n");
        String ignore = Scaffolder.plan(d, root, TemplateSource.withOverrides(overrides)).file(".dockerignore").newContent();
        assertTrue(ignore.startsWith("# company rules\n.git\n\n# Node.js"), ignore);
    }

    @Test
    void aSyntaxErrorNamesTheOverrideFileLineAndColumn() throws IOException {
        Files.writeString(overrides.resolve("env.example.ftl"), "# header\n<#if app.name>\nno end\n");
        TemplateSource t = TemplateSource.withOverrides(overrides);
        UserError e = assertThrows(UserError.class, () -> Scaffolder.plan(d, root, t));
        assertEquals(overrides.resolve("env.example.ftl"), e.location().file());
        assertTrue(e.location().line() >= 2, e.oneLine());
        assertTrue(e.oneLine().contains("template syntax error"), e.oneLine());
        assertFalse(e.oneLine().contains("\n"), e.oneLine());
    }

    @Test
    void anUndefinedValueNamesTheFileLineAndColumn() throws IOException {
        Files.writeString(overrides.resolve("docker-compose.yml.ftl"), "name: ${project.name}\nx: ${project.nope}\n");
        UserError e = assertThrows(UserError.class,
                () -> Scaffolder.plan(d, root, TemplateSource.withOverrides(overrides)));
        assertEquals(overrides.resolve("docker-compose.yml.ftl") + ":2:6", e.location().toString());
        assertTrue(e.oneLine().contains("project.nope"), e.oneLine());
    }

    @Test
    void anErrorInAnIncludedTemplateNamesThatFile() throws IOException {
        Files.createDirectories(overrides.resolve("dockerignore"));
        Files.writeString(overrides.resolve("dockerignore/_common.ftl"), "# ok\n# ${app.missing}\n");
        UserError e = assertThrows(UserError.class,
                () -> Scaffolder.plan(d, root, TemplateSource.withOverrides(overrides)));
        assertEquals(overrides.resolve("dockerignore/_common.ftl") + ":2:5", e.location().toString(), e.oneLine());
    }

    @Test
    void templatesCannotReachJava() throws IOException {
        Files.writeString(overrides.resolve("docker-compose.yml.ftl"),
                "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}\n");
        UserError e = assertThrows(UserError.class,
                () -> Scaffolder.plan(d, root, TemplateSource.withOverrides(overrides)));
        assertEquals(1, e.location().line(), e.oneLine());
    }

    @Test
    void aMissingTemplatesDirectoryIsAUserError() {
        UserError e = assertThrows(UserError.class, () -> TemplateSource.withOverrides(overrides.resolve("nope")));
        assertTrue(e.oneLine().contains("does not exist"), e.oneLine());
    }
}
