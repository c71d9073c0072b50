package dev.devops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devops.git.TestRepo;
import dev.devops.lint.secrets.Fake;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** devops check: every lint family plus render --check, several reports, one exit code. */
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
@Tag("git")
class CheckCommandTest {
    @TempDir
    Path tmp;

    /** A copy of examples/node-express (devops.yaml and the files it renders) in a git repository. */
    static TestRepo example(Path dir) throws IOException {
        Path src = PreCommitTest.projectDir().resolve("examples/node-express");
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : s.toList()) {
                Path target = dir.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        TestRepo r = TestRepo.init(dir);
        r.commit("example");
        return r;
    }

    @Test
    void renderCheckIsPartOfTheGateAndLintIsNot() throws IOException {
        example(tmp);
        CliRun clean = CliRun.run("check", "--no-color", tmp.toString());
        assertEquals(0, clean.code(), clean.out() + clean.err());
        Files.writeString(tmp.resolve("Dockerfile"), Files.readString(tmp.resolve("Dockerfile")) + "# a hand edit\n");
        CliRun drifted = CliRun.run("check", "--no-color", tmp.toString());
        assertEquals(1, drifted.code(), drifted.out());
        assertTrue(drifted.out().contains("Dockerfile: error RENDER0001 Dockerfile differs from what devops.yaml renders"), drifted.out());
        assertTrue(drifted.out().contains("+# a hand edit") || drifted.out().contains("-# a hand edit"), drifted.out());
        assertFalse(drifted.out().contains("DRIFT0001"), "RENDER0001 covers DRIFT0001 of the same file: " + drifted.out());
        // render --check agrees
        assertEquals(1, CliRun.run("render", "--check", tmp.toString()).code());
        Files.delete(tmp.resolve("docker-compose.yml"));
        CliRun missing = CliRun.run("check", "--no-color", tmp.toString());
        assertTrue(missing.out().contains("docker-compose.yml: error RENDER0002"), missing.out());
        // an invalid devops.yaml is an input error, exit 2
        Files.writeString(tmp.resolve("devops.yaml"), "name: [\n");
        CliRun bad = CliRun.run("check", tmp.toString());
        assertEquals(2, bad.code(), bad.out() + bad.err());
        assertTrue(bad.err().contains("devops.yaml:"), bad.err());
    }

    @Test
    void aRepositoryThatRendersNothingHasNothingMissing() throws IOException {
        TestRepo r = TestRepo.init(tmp);
        r.write("devops.yaml", "name: shop\napps:\n  web:\n    runtime: {language: node}\n"
                + "lint:\n  allowlist:\n    paths: [\"fixtures/**\"]\n")
                .write("Dockerfile", LintScopeTest.GOOD_DOCKERFILE).write("app.js", "console.log(1)\n")
                .write(".gitignore", "node_modules/\n").commit("init");
        CliRun own = CliRun.run("check", "--no-color", tmp.toString());
        assertFalse(own.out().contains("RENDER"), "hand-written files, devops.yaml for lint settings: " + own.out());
        // once one file is rendered, the others are expected too
        Files.delete(tmp.resolve("Dockerfile"));
        assertEquals(0, CliRun.run("render", tmp.toString()).code());
        Files.delete(tmp.resolve("docker-compose.yml"));
        CliRun adopted = CliRun.run("check", "--no-color", tmp.toString());
        assertEquals(1, adopted.code(), adopted.out());
        assertTrue(adopted.out().contains("docker-compose.yml: error RENDER0002"), adopted.out());
    }

    @Test
    void severalReportsInOneRunAndJunitFailsExactlyWhenTheExitCodeDoes() throws Exception {
        TestRepo r = TestRepo.init(tmp);
        r.write("Dockerfile", LintScopeTest.BAD_DOCKERFILE).write("app.py", "print(1)\n").commit("init");
        Path sarif = tmp.resolve("out/devops.sarif");
        Path junit = tmp.resolve("out/devops.xml");
        CliRun warnOnly = CliRun.run("check", "--no-color", tmp.toString(), "--format", "sarif=" + sarif,
                "--format", "junit=" + junit, "--format", "text");
        assertEquals(0, warnOnly.code(), "warnings only, --fail-on error: " + warnOnly.out());
        assertTrue(warnOnly.out().contains("Dockerfile:1: warning DF0001"), warnOnly.out());
        JsonNode doc = new ObjectMapper().readTree(sarif.toFile());
        assertTrue(doc.get("runs").get(0).get("results").size() >= 2);
        Document x = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        assertEquals("0", x.getDocumentElement().getAttribute("failures"), Files.readString(junit));
        NodeList cases = x.getElementsByTagName("testcase");
        boolean located = false;
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            located |= c.getAttribute("file").equals("Dockerfile") && c.getAttribute("line").equals("1");
        }
        assertTrue(located, "a testcase per finding with file and line: " + Files.readString(junit));

        CliRun strict = CliRun.run("check", tmp.toString(), "--fail-on", "warning", "--format", "junit=" + junit);
        assertEquals(1, strict.code());
        assertEquals("", strict.out(), "every report went to its file");
        x = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        int failures = Integer.parseInt(x.getDocumentElement().getAttribute("failures"));
        assertEquals(x.getElementsByTagName("failure").getLength(), failures);
        assertTrue(failures >= 2, Files.readString(junit));

        CliRun twoOnStdout = CliRun.run("check", tmp.toString(), "--format", "json", "--format", "text");
        assertEquals(2, twoOnStdout.code());
        assertTrue(twoOnStdout.err().contains("only one report can go to standard output"), twoOnStdout.err());
        assertEquals(2, CliRun.run("check", tmp.toString(), "--format", "xml=a.xml").code());
        assertEquals(2, CliRun.run("check", tmp.toString(), "--format", "sarif=").code());
    }

    @Test
    void lintTakesSeveralFormatsToo() throws Exception {
        TestRepo r = TestRepo.init(tmp);
        r.write("a.py", "password = \"" + Fake.token(14) + "\"\n").commit("init");
        Path json = tmp.resolve("r.json");
        CliRun run = CliRun.run("lint", tmp.toString(), "--no-color", "--format", "json=" + json, "--format", "github");
        assertEquals(1, run.code());
        assertTrue(run.out().startsWith("::error file=a.py,line=1"), run.out());
        assertEquals("SEC0030", new ObjectMapper().readTree(json.toFile()).get("findings").get(0).get("rule").asText());
    }

    @Test
    void quietPrintsTheFindingsOnlyAndNothingWhenClean() throws Exception {
        TestRepo r = TestRepo.init(tmp);
        r.write("app.py", "print(1)\n").commit("init");
        CliRun clean = CliRun.run("check", "-q", tmp.toString());
        assertEquals(0, clean.code());
        assertEquals("", clean.out());
        r.write("Dockerfile", LintScopeTest.BAD_DOCKERFILE).commit("image");
        CliRun dirty = CliRun.run("lint", "--quiet", "--no-color", tmp.toString());
        assertTrue(dirty.out().startsWith("Dockerfile:1: warning DF0001"), dirty.out());
        assertFalse(dirty.out().contains("findings ("), "no summary line: " + dirty.out());
    }
}
