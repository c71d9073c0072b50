package dev.devops.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.core.UserError;
import dev.devops.descriptor.App;
import dev.devops.descriptor.Descriptor;
import dev.devops.descriptor.DescriptorLoader;
import dev.devops.descriptor.DescriptorWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A repository under construction in a temp dir, with detection and round-trip helpers. */
final class RepoFixture {
    final Path root;

    RepoFixture(Path root) {
        this.root = root;
    }

    /** Writes {@code rel} with the given lines (joined with newlines, trailing newline). */
    RepoFixture file(String rel, String... lines) {
        Path p = root.resolve(rel);
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Removes {@code rel}. */
    RepoFixture delete(String rel) {
        try {
            Files.deleteIfExists(root.resolve(rel));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    RepoFixture bytes(String rel, byte[] content) {
        Path p = root.resolve(rel);
        try {
            Files.createDirectories(p.getParent());
            Files.write(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** package.json from a JSON body written with single quotes for readability. */
    RepoFixture packageJson(String dir, String json) {
        return file(join(dir, "package.json"), json.replace('\'', '"'));
    }

    RepoFixture pom(String dir, String body) {
        return file(join(dir, "pom.xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">",
                "  <modelVersion>4.0.0</modelVersion>", "  <groupId>com.example</groupId>",
                "  <artifactId>demo</artifactId>", "  <version>1.0</version>", body, "</project>");
    }

    /** A Maven dependency element. */
    static String dep(String coordinates) {
        String[] ga = coordinates.split(":");
        return "<dependency><groupId>" + ga[0] + "</groupId><artifactId>" + ga[1] + "</artifactId></dependency>";
    }

    static String deps(String... coordinates) {
        StringBuilder sb = new StringBuilder("<dependencies>");
        for (String c : coordinates) {
            sb.append(dep(c));
        }
        return sb.append("</dependencies>").toString();
    }

    private static String join(String dir, String name) {
        return dir.isEmpty() || ".".equals(dir) ? name : dir + "/" + name;
    }

    /** Detects with no overrides and checks the draft survives a write/load round trip. */
    Detection detect() {
        return detect(Overrides.NONE);
    }

    Detection detect(Overrides o) {
        Detection d = Detector.detect(root, o);
        assertRoundTrip(d.descriptor());
        return d;
    }

    /** The single app of a detection. */
    App app() {
        Descriptor d = detect().descriptor();
        assertEquals(1, d.apps().size(), () -> "apps: " + d.apps());
        return d.apps().get(0);
    }

    UserError error() {
        return error(Overrides.NONE);
    }

    UserError error(Overrides o) {
        return assertThrows(UserError.class, () -> Detector.detect(root, o));
    }

    static void assertRoundTrip(Descriptor d) {
        String yaml = DescriptorWriter.write(d);
        Descriptor loaded;
        try {
            loaded = DescriptorLoader.parse(Path.of("devops.yaml"), yaml);
        } catch (UserError e) {
            throw new AssertionError("draft does not load back: " + e.oneLine() + "\n" + yaml, e);
        }
        assertEquals(d, loaded, yaml);
    }

    /** The app's variable {@code name}, failing with the names it has when there is none. */
    static dev.devops.descriptor.EnvVar v(App a, String name) {
        dev.devops.descriptor.EnvVar v = a.env().get(name);
        assertTrue(v != null, () -> name + " not among " + a.env().keySet());
        return v;
    }

    static void assertEvidence(Detection d, String expected) {
        assertTrue(d.evidence().contains(expected), () -> "missing evidence '" + expected + "' in\n"
                + String.join("\n", d.evidence()));
    }

    static App app(Detection d, String name) {
        App a = d.descriptor().app(name);
        assertNotNull(a, () -> "no app " + name + " in " + d.descriptor().apps().stream().map(App::name).toList());
        return a;
    }

    static Overrides stack(String s) {
        return new Overrides(s, null, List.of(), null, null);
    }
}
