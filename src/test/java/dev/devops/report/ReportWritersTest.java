package dev.devops.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.devops.git.TestRepo;
import dev.devops.lint.LintRunner;
import dev.devops.lint.Report;
import dev.devops.lint.secrets.Fake;
import dev.devops.lint.secrets.SecretsCheck;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ReportWritersTest {
    @TempDir
    Path tmp;

    private final List<String> planted = new ArrayList<>();
    private Report report;

    @BeforeEach
    void plant() {
        TestRepo r = TestRepo.init(tmp);
        String tok = Fake.testToken();
        String pw = Fake.token(14);
        String uriPw = Fake.token(12);
        String key = Fake.pem("RSA ");
        planted.addAll(List.of(tok, pw, uriPw, key.split("\n")[1], key.split("\n")[5]));
        r.write("src/app.js", "const t = \"" + tok + "\";\nconst password = \"" + pw + "\";\n");
        r.write("dir with space/db \"x\".yml", "url: postgres://app:" + uriPw + "@db:5432/app\n");
        r.write("keys/id.pem", key);
        r.commit("secrets");
        report = new LintRunner(List.of(new SecretsCheck(List.of(Fake.testRule(null))))).run(LintRunner.Options.worktree(tmp));
        assertEquals(4, report.findings().size(), report.findings().toString());
    }

    private String render(Format f) throws Exception {
        StringBuilder sb = new StringBuilder();
        f.writer(false, "1.2.3").write(report, sb);
        return sb.toString();
    }

    @Test
    void noFormatEverContainsARawSecret() throws Exception {
        for (Format f : Format.values()) {
            String out = render(f);
            for (String secret : planted) {
                assertFalse(out.contains(secret), f + " leaks a secret");
                assertFalse(out.contains(secret.substring(0, secret.length() / 2)), f + " leaks half a secret");
            }
        }
    }

    @Test
    void textShowsLocationRuleRedactedValueAndHint() throws Exception {
        String out = render(Format.TEXT);
        assertTrue(out.contains("src/app.js:1:12: error SEC0901 Test provider token [code; 28 chars, "), out);
        assertTrue(out.contains(" bits/char]: tst_****\u2026"), out);
        assertTrue(out.contains("src/app.js:2:19: error SEC0030 Hard-coded password in 'password' [code; "), out);
        assertTrue(out.contains("    hint: Rotate"), out);
        assertTrue(out.contains("4 findings (4 errors, 0 warnings) in 3 files"), out);
    }

    @Test
    void jsonIsParseable() throws Exception {
        JsonNode n = new ObjectMapper().readTree(render(Format.JSON));
        assertEquals(4, n.get("findings").size());
        assertEquals("SEC0030", n.get("findings").get(3).get("rule").asText());
        assertEquals(3, n.get("stats").get("filesScanned").asInt());
    }

    @Test
    void sarifIsValidAgainstTheSchema() throws Exception {
        String sarif = render(Format.SARIF);
        JsonSchema schema;
        try (InputStream in = ReportWritersTest.class.getResourceAsStream("/schemas/sarif-2.1.0.json")) {
            assertNotNull(in, "the vendored SARIF 2.1.0 schema src/test/resources/schemas/sarif-2.1.0.json");
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
        JsonNode doc = new ObjectMapper().readTree(sarif);
        Set<ValidationMessage> errors = schema.validate(doc);
        assertEquals(Set.of(), errors);
        JsonNode run = doc.get("runs").get(0);
        JsonNode result = run.get("results").get(0);
        JsonNode loc = result.get("locations").get(0).get("physicalLocation");
        assertEquals("%SRCROOT%", loc.get("artifactLocation").get("uriBaseId").asText());
        assertFalse(loc.get("artifactLocation").get("uri").asText().startsWith("/"));
        assertTrue(result.get("partialFingerprints").has("devops/v1"));
        JsonNode rule = run.get("tool").get("driver").get("rules").get(result.get("ruleIndex").asInt());
        assertEquals(result.get("ruleId").asText(), rule.get("id").asText());
        assertTrue(rule.get("helpUri").asText().startsWith("https://"));
        assertFalse(rule.get("help").get("text").asText().isBlank());
        String spaced = sarif.contains("dir%20with%20space/db%20%22x%22.yml") ? "ok" : sarif;
        assertEquals("ok", spaced);
    }

    @Test
    void sarifOfACleanRunIsValidToo() throws Exception {
        report = new Report(tmp.toString(), List.of(), report.rules(), report.stats());
        JsonNode doc = new ObjectMapper().readTree(render(Format.SARIF));
        assertEquals(0, doc.get("runs").get(0).get("results").size());
    }

    @Test
    void githubAnnotationsEscapeProperties() throws Exception {
        String out = render(Format.GITHUB);
        String[] lines = out.split("\n");
        assertEquals(4, lines.length, out);
        assertTrue(out.contains("::error file=src/app.js,line=1,col=12,title=SEC0901 Test provider token::Test provider token [code; 28 chars"), out);
        assertTrue(out.contains("file=dir with space/db \"x\".yml,line=1"), out);
        assertTrue(out.contains("%0A"), "the hint goes on a second annotation line");
    }

    @Test
    void junitIsWellFormedXmlWithAFailurePerFailingRule() throws Exception {
        String xml = render(Format.JUNIT);
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertEquals(4, d.getElementsByTagName("failure").getLength(), xml);
        assertTrue(d.getElementsByTagName("testcase").getLength() >= 4);
    }

    @Test
    void formatNames() {
        assertEquals(Format.SARIF, Format.parse("SARIF"));
        assertEquals(null, Format.parse("xml"));
    }
}
