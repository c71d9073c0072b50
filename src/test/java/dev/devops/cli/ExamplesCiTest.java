package dev.devops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.git.TestRepo;
import dev.devops.lint.secrets.Fake;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * examples/ci and action.yml as CI systems read them: parsed as YAML, the command they run run on a
 * fixture repository with a real devops executable, the reports they hand on checked.
 */
@Tag("git")
class ExamplesCiTest {
    @TempDir
    Path tmp;

    static Path project() {
        return PreCommitTest.projectDir();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(Path file) throws IOException {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Object node, String... keys) {
        Object n = node;
        for (String k : keys) {
            assertTrue(n instanceof Map, "no map at " + k + " in " + node);
            n = ((Map<String, Object>) n).get(k);
            assertNotNull(n, "missing key " + k);
        }
        return (T) n;
    }

    private TestRepo fixture(boolean secret) throws IOException {
        TestRepo r = TestRepo.init(Files.createDirectories(tmp.resolve(secret ? "dirty" : "clean")));
        r.write("app.py", "import os\nDB = os.environ.get('DB_URL', '')\n");
        if (secret) {
            r.write("settings.py", "password = \"" + Fake.token(14) + "\"\n");
        }
        r.commit("init");
        return r;
    }

    @Test
    void gitlabJobRunsCheckAndHandsOnAJunitReportThatFailsWithTheJob() throws Exception {
        Map<String, Object> ci = yaml(project().resolve("examples/ci/gitlab-ci.yml"));
        List<String> script = at(ci, "devops", "script");
        String junit = at(ci, "devops", "artifacts", "reports", "junit");
        assertEquals("always", at(ci, "devops", "artifacts", "when"));
        assertEquals(List.of(""), at(ci, "devops", "image", "entrypoint"), "GitLab runs the script with the image's entry point disabled");
        assertTrue(script.get(0).startsWith("devops check"), script.toString());
        Path bin = TestLauncher.install(tmp.resolve("bin")).getParent();
        Map<String, String> env = Map.of("PATH", bin + File.pathSeparator + System.getenv("PATH"), "NO_COLOR", "1");
        for (boolean secret : List.of(false, true)) {
            TestRepo r = fixture(secret);
            TestLauncher.Run run = null;
            for (String line : script) {
                run = TestLauncher.run(r.dir, env, "sh", "-ec", line);
            }
            assertEquals(secret ? 1 : 0, run.code(), run.out());
            Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(r.dir.resolve(junit).toFile());
            Element suites = d.getDocumentElement();
            assertEquals(secret, !suites.getAttribute("failures").equals("0"), "the report fails with the job");
            if (secret) {
                Element failure = (Element) d.getElementsByTagName("failure").item(0);
                Element testcase = (Element) failure.getParentNode();
                assertEquals("settings.py", testcase.getAttribute("file"));
                assertEquals("1", testcase.getAttribute("line"));
            }
        }
    }

    @Test
    void githubWorkflowUploadsTheSarifFileTheActionWrites() throws IOException {
        Map<String, Object> wf = yaml(project().resolve("examples/ci/github-actions.yml"));
        Map<String, Object> action = yaml(project().resolve("action.yml"));
        assertEquals("write", at(wf, "permissions", "security-events"));
        List<Map<String, Object>> steps = at(wf, "jobs", "devops", "steps");
        Map<String, Object> gate = steps.stream().filter(s -> String.valueOf(s.get("uses")).startsWith("devops-dev/devops@")).findFirst().orElseThrow();
        Map<String, Object> upload = steps.stream().filter(s -> String.valueOf(s.get("uses")).startsWith("github/codeql-action/upload-sarif@"))
                .findFirst().orElseThrow();
        Map<String, Object> with = at(gate, "with");
        Map<String, Object> inputs = at(action, "inputs");
        assertTrue(inputs.keySet().containsAll(with.keySet()), "every input the workflow sets exists: " + with.keySet());
        assertEquals(with.get("sarif"), at(upload, "with", "sarif_file"));
        assertEquals("always()", upload.get("if"), "alerts are uploaded when the gate fails too");
        assertEquals("composite", at(action, "runs", "using"));
        List<Map<String, Object>> actionSteps = at(action, "runs", "steps");
        String script = at(actionSteps.get(0), "run");
        assertTrue(script.contains("--user \"$(id -u):$(id -g)\""), "the image writes the SARIF file as the runner's user");
        assertTrue(script.contains("--format github"), "annotations on the pull request");
    }
}
