package dev.devops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devops.git.TestRepo;
import dev.devops.lint.Check;
import dev.devops.lint.Report;
import dev.devops.lint.RuleInfo;
import dev.devops.lint.secrets.Fake;
import dev.devops.lint.testing.RulesDoc;
import dev.devops.report.Format;
import dev.devops.report.ReportWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** SARIF for GitHub code scanning: help links that resolve, graded security rules, stable fingerprints. */
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
@Tag("git")
class CodeScanningTest {
    @TempDir
    Path tmp;

    static List<RuleInfo> allRules() {
        List<RuleInfo> rules = new ArrayList<>();
        for (Check c : LintChecks.withRender()) {
            rules.addAll(c.rules());
        }
        return rules;
    }

    private static JsonNode sarif(Report r) throws IOException {
        StringBuilder sb = new StringBuilder();
        Format.SARIF.writer(false, "1").write(r, sb);
        return new ObjectMapper().readTree(sb.toString());
    }

    /** GitHub's heading anchors: lower case, punctuation but '-' and '_' dropped, spaces to '-'. */
    static String slug(String heading) {
        return heading.trim().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    /** Every anchor a markdown file defines: its headings' slugs and explicit {@code <a id="…">}. */
    static Set<String> anchors(Path md) throws IOException {
        Set<String> out = new HashSet<>();
        for (String line : Files.readAllLines(md)) {
            Matcher h = Pattern.compile("^#{1,6}\\s+(.*)$").matcher(line);
            if (h.matches()) {
                out.add(slug(h.group(1)));
            }
            Matcher a = Pattern.compile("<a (?:id|name)=\"([^\"]+)\"").matcher(line);
            while (a.find()) {
                out.add(a.group(1));
            }
        }
        return out;
    }

    @Test
    void renderRulesAreDocumented() throws IOException {
        RulesDoc.assertDocumented("render rules", "Render rules (RENDER)", new RenderCheck().rules());
        RulesDoc.assertDocumented("runner rules", "Rules of the lint runner (LINT)", List.of(dev.devops.lint.CheckFailure.RULE));
    }

    @Test
    void everyHelpUriPointsToAnAnchorThatExists() throws IOException {
        Path docs = PreCommitTest.projectDir().resolve("docs");
        Map<String, Set<String>> anchors = new HashMap<>();
        List<String> broken = new ArrayList<>();
        List<RuleInfo> rules = allRules();
        for (RuleInfo r : rules) {
            String uri = ReportWriter.helpUri(r.id());
            assertTrue(uri.startsWith(ReportWriter.DOCS_URL), uri);
            String[] fileAndAnchor = uri.substring(ReportWriter.DOCS_URL.length()).split("#", 2);
            Set<String> in = anchors.computeIfAbsent(fileAndAnchor[0], f -> {
                try {
                    return anchors(docs.resolve(f));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            if (fileAndAnchor.length < 2 || !in.contains(fileAndAnchor[1])) {
                broken.add(r.id() + " -> " + uri);
            }
        }
        assertTrue(rules.size() > 400, "every family's rules: " + rules.size());
        assertEquals(List.of(), broken);
        // a project's own secret rules (SEC9000 and up) link to how to write them
        assertTrue(anchors(docs.resolve("SECRET-RULES.md")).contains(ReportWriter.helpUri("SEC9001").split("#")[1]));
    }

    @Test
    void securityRulesOfEveryFamilyAreTaggedWithAGradedSeverity() throws IOException {
        Report all = new Report(tmp.toString(), List.of(), allRules(), new Report.Stats(0, 0, 0, 0, 0, 0, 0));
        Map<String, Double> score = new HashMap<>();
        Set<String> families = new TreeSet<>();
        for (JsonNode rule : sarif(all).get("runs").get(0).get("tool").get("driver").get("rules")) {
            List<String> tags = new ArrayList<>();
            rule.get("properties").get("tags").forEach(t -> tags.add(t.asText()));
            JsonNode sev = rule.get("properties").get("security-severity");
            assertEquals(tags.contains("security"), sev != null, rule.get("id") + ": security tag and severity go together");
            if (sev != null) {
                double s = Double.parseDouble(sev.asText());
                assertTrue(s > 0 && s <= 10, rule.get("id") + " " + s);
                score.put(rule.get("id").asText(), s);
                families.add(tags.get(0));
            }
        }
        assertEquals(Set.of("compose", "dockerfile", "env", "secrets"), families);
        for (String id : List.of("DF0037", "DC0003", "DC0010", "DC0011", "ENV0004", "SEC0001", "SEC0030", "SEC0050")) {
            assertNotNull(score.get(id), id + " is a security rule");
        }
        assertTrue(score.get("SEC0001") > score.get("SEC0030"), "a private key is not a guessed password");
        assertTrue(score.get("SEC0001") >= 9.0, "critical");
        assertTrue(score.get("DC0011") > score.get("DC0006"), "the Docker socket is worse than a published port");
        assertFalse(score.containsKey("DF0001"), "a floating tag is not a security rule");
    }

    @Test
    void partialFingerprintsAreStableAcrossRunsAndLineMoves() throws IOException {
        TestRepo r = TestRepo.init(tmp);
        String pw = Fake.token(14);
        r.write("app.py", "import os\npassword = \"" + pw + "\"\n");
        r.write("Dockerfile", "FROM node:latest\nCOPY . .\nCMD [\"node\", \"app.js\"]\n");
        r.write("docker-compose.yml", "services:\n  db:\n    image: postgres:16\n    privileged: true\n"
                + "    environment:\n      POSTGRES_PASSWORD: " + Fake.token(12) + "\n"
                + "    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n");
        r.write(".env", "API_URL=http://localhost\n");
        r.commit("init");
        Set<String> first = fingerprints();
        assertEquals(first, fingerprints(), "the same on a second run");
        Set<String> families = new TreeSet<>();
        first.forEach(f -> families.add(f.replaceAll("[0-9].*", "")));
        assertTrue(families.containsAll(Set.of("SEC", "DF", "DC", "ENV")), first.toString());
        for (String f : List.of("app.py", "Dockerfile", "docker-compose.yml", ".env")) {
            String text = Files.readString(tmp.resolve(f));
            String moved = f.equals("Dockerfile") ? "# syntax note\n\n" + text : f.equals(".env") ? "\n# comment\n" + text : "# moved down\n\n" + text;
            Files.writeString(tmp.resolve(f), moved);
        }
        assertEquals(first, fingerprints(), "lines moved, fingerprints not");
    }

    /** ruleId, uri and fingerprint of every SARIF result of a lint of {@code tmp}. */
    private Set<String> fingerprints() throws IOException {
        CliRun run = CliRun.run("lint", "--format", "sarif", "--fail-on", "info", tmp.toString());
        Set<String> out = new TreeSet<>();
        for (JsonNode res : new ObjectMapper().readTree(run.out()).get("runs").get(0).get("results")) {
            out.add(res.get("ruleId").asText() + " " + res.get("locations").get(0).get("physicalLocation")
                    .get("artifactLocation").get("uri").asText() + " " + res.get("partialFingerprints").get("devops/v1").asText());
        }
        return out;
    }
}
