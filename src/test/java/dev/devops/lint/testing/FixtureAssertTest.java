package dev.devops.lint.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.lint.dockerfile.DockerfileCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

class FixtureAssertTest {
    @TempDir
    Path dir;

    private void dockerfile(String... lines) throws IOException {
        Files.writeString(dir.resolve("Dockerfile"), String.join("\n", lines) + "\n");
    }

    @Test
    void aMarkerMayNameAFragmentOfTheMessage() throws IOException {
        dockerfile("FROM alpine:3.19", "USER nobody", "HEALTHCHECK CMD [\"true\"]", "# expect: DF0014 \"shell form\"",
                "CMD node server.js");
        assertEquals(Map.of("Dockerfile:5:DF0014", "shell form"), FixtureAssert.markers(dir));
        FixtureAssert.assertFixture(new DockerfileCheck(), dir);
        dockerfile("FROM alpine:3.19", "USER nobody", "HEALTHCHECK CMD [\"true\"]", "# expect: DF0014 \"no such words\"",
                "CMD node server.js");
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> FixtureAssert.assertFixture(new DockerfileCheck(), dir));
        assertTrue(e.getMessage().contains("does not contain \"no such words\""), e.getMessage());
    }

    @Test
    void aFixtureMayNameTheRulesItIsAbout() throws IOException {
        // FROM latest, no USER, no HEALTHCHECK: findings of other rules that "only" makes the fixture ignore
        dockerfile("# only: DF0014", "FROM alpine", "# expect: DF0014", "CMD node server.js");
        assertEquals(Set.of("DF0014"), FixtureAssert.only(dir));
        FixtureAssert.assertFixture(new DockerfileCheck(), dir);
        dockerfile("FROM alpine", "# expect: DF0014", "CMD node server.js");
        assertThrows(AssertionFailedError.class, () -> FixtureAssert.assertFixture(new DockerfileCheck(), dir));
    }
}
