package dev.devops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * devops check over this repository itself is clean: every lint check at the lowest threshold, and render --check,
 * which has nothing to ask for (the repository's devops.yaml holds lint settings; no file is rendered from it). The deliberately
 * bad lint fixtures and the secret rules' examples are allowlisted by path in our own devops.yaml;
 * everything else that fires is fixed or suppressed inline with a reason.
 */
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class SelfLintTest {
    @Test
    void ourOwnRepositoryHasNoFindings() {
        Path root = Path.of(System.getProperty("devops.project.dir", "."));
        CliRun r = CliRun.run("check", root.toString(), "--fail-on", "info");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("No findings"), r.out());
    }
}
