package dev.devops.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.devops.core.UserError;
import dev.devops.core.UserErrors;
import dev.devops.report.ReportWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The JSON Schema (what editors check devops.yaml against) and the loader (what devops runs) say the same: every
 * case below is fed to both, and both accept it or both reject it. The cases cover every error the loader can
 * report (a check over the loader's source makes sure a new error gets a case); a few rules are the loader's
 * alone because JSON Schema cannot say them (references between parts of the file), and are listed as such.
 */
class SchemaAgreementTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FILE = Path.of("devops.yaml");
    private static JsonSchema schema;
    private static JsonNode schemaJson;

    @BeforeAll
    static void loadSchema() throws IOException {
        schemaJson = JSON.readTree(DescriptorSchema.text());
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schemaJson);
    }

    private static final String APP = "name: shop\napps:\n  web:\n    runtime: {language: node}\n";

    /** A case: YAML, and the loader's message for it (null: valid). */
    private record Case(String yaml, String loaderSays) {
    }

    private static Case ok(String yaml) {
        return new Case(yaml, null);
    }

    private static Case bad(String yaml, String loaderSays) {
        return new Case(yaml, loaderSays);
    }

    /** Both must agree on these. */
    static final List<Case> CASES = List.of(
            ok(APP),
            ok(APP + "    port: 3000\n    healthcheck: /health?probe=1\n"),
            ok(APP.replace("{language: node}", "{language: node, version: 20}")),
            ok(APP.replace("{language: node}", "{language: python, version: 3.10, buildTool: uv}")),
            ok(APP.replace("{language: node}", "{language: node, version: \"22.11\", buildTool: pnpm}")),
            ok(APP + "    start: [python, -m, http.server, 8000]\n    build: npm run build\n"),
            ok(APP + "    processes: {worker: [celery, -A, proj, worker], cron: \"node cron.js\"}\n"),
            ok(APP.replace("{language: node}", "{language: node, framework: vite}") + "    output: public/site\n"),
            ok(APP + "    env:\n      A:\n      B: {default: 3}\n      C: {secret: true, required: true}\n"),
            ok(APP + "services:\n  postgres: {version: 16}\n  cache: {type: redis, version: \"7.4\"}\n  redis:\n"),
            ok(APP + "environments:\n  production:\n    env: {LOG_LEVEL: warn, WORKERS: 4}\n  development:\n"),
            ok(APP + "lint:\n  allowlist: {paths: [\"test/**\"], rules: DF0003, values: [\"^dummy\"], stopwords: [example]}\n"
                    + "  paths: {tests: [qa/], docs: \"*.guide\"}\n"),
            bad("name: shop\n", "missing required key 'apps'"),
            bad("apps:\n  web:\n    runtime: {language: node}\n", "missing required key 'name'"),
            bad(APP.replace("shop", "My Shop"), "is not a valid project name"),
            bad(APP.replace("shop", "123"), "must be a string"),
            bad("name: shop\napps: {}\n", "'apps' is empty"),
            bad("name: shop\napps: [web]\n", "must be a mapping"),
            bad(APP + "colour: blue\n", "unknown key 'colour'"),
            bad(APP.replace("  web:", "  Web:"), "app name 'Web' is not valid"),
            bad("name: shop\napps:\n  web:\n", "has no settings"),
            bad(APP + "    prot: 80\n", "unknown key 'prot'"),
            bad("name: shop\napps:\n  web: {port: 80}\n", "missing required key 'runtime'"),
            bad("name: shop\napps:\n  web:\n    runtime: {}\n", "missing required key 'language'"),
            bad(APP.replace("node", "ruby"), "is 'ruby', which is not allowed"),
            bad(APP.replace("{language: node}", "{language: node, buildTool: maven}"), "is 'maven', which is not allowed"),
            bad(APP.replace("{language: node}", "{language: node, version: \"20 lts\"}"), "is not a valid image tag part"),
            bad(APP.replace("{language: node}", "{language: node, version: -1}"), "is not a valid image tag part"),
            bad(APP.replace("{language: node}", "{language: node, version: true}"), "is not a valid image tag part"),
            bad(APP.replace("{language: node}", "{language: node, flavour: x}"), "unknown key 'flavour'"),
            bad(APP + "    path: /srv/app\n", ".path' must be a relative path inside the repository"),
            bad(APP + "    path: ../other\n", ".path' must be a relative path inside the repository"),
            bad(APP + "    path: \"a;b\"\n", ".path' may not hold control characters"),
            bad(APP + "    dockerfile: /etc/Dockerfile\n", ".dockerfile' must be the path of a file inside the repository"),
            bad(APP + "    dockerfile: ../Dockerfile\n", ".dockerfile' must be the path of a file inside the repository"),
            bad(APP + "    dockerfile: \"docker/$X\"\n", ".dockerfile' must be the path of a file inside the repository"),
            bad(APP + "    port: 70000\n", "out of range"),
            bad(APP + "    port: \"80\"\n", "must be a whole number"),
            bad(APP + "    port: 80\n    healthcheck: health\n", ".healthcheck' must be an HTTP path"),
            bad(APP + "    port: 80\n    healthcheck: \"/he alth\"\n", ".healthcheck' may hold only the characters of a URL path"),
            bad(APP + "    healthcheck: /health\n", ".healthcheck' needs a port to check"),
            bad(APP + "    start: {cmd: x}\n", "must be a list"),
            bad(APP + "    processes: {worker: []}\n", "has no command"),
            bad(APP + "    processes: {Worker: x}\n", "process name 'Worker' is not valid"),
            ok(APP + "    files: [config, app.env]\n    migrate: [alembic, upgrade, head]\n"),
            ok(APP + "    migrate: {command: [-path, /migrations, up], image: \"migrate/migrate:v4.18.1\", mount: db/migrations}\n"),
            bad(APP + "    files: [../secrets]\n", "must be a relative path inside the app"),
            bad(APP + "    migrate: []\n", "has no command"),
            bad(APP + "    migrate: {command: []}\n", "is empty"),
            bad(APP + "    migrate: {command: [up], mount: ../x}\n", "must be a relative directory inside the app"),
            bad(APP.replace("{language: node}", "{language: node, framework: angular}"), "needs 'output'"),
            bad(APP + "    output: dist\n", ".output' is only used by static sites"),
            bad(APP.replace("{language: node}", "{language: node, framework: vite}") + "    output: ../dist\n",
                    ".output' must be a directory inside the app"),
            bad(APP.replace("{language: node}", "{language: node, framework: vite}") + "    output: /dist\n",
                    ".output' must be a directory inside the app"),
            bad(APP + "    env:\n      1X: {}\n", "is not a valid environment variable name"),
            bad(APP + "    env:\n      X: {secret: yes}\n", "must be true or false"),
            bad(APP + "    env:\n      X: {secret: true, default: abc}\n", "secret variable 'X' must not have a default"),
            bad(APP + "    env:\n      X: {default: \"a}b\"}\n", "the default of 'X' contains '}'"),
            bad(APP + "    env:\n      X: {default: \"a\\nb\"}\n", "the default of 'X' contains '}'"),
            bad(APP + "    env:\n      X: {from: \"postgres url\"}\nservices:\n  postgres:\n", "names service 'postgres url'"),
            bad(APP + "    env:\n      X: {requird: true}\n", "unknown key 'requird'"),
            bad(APP + "services:\n  Postgres: {}\n", "service name 'Postgres' is not valid"),
            bad(APP + "services:\n  db: {}\n", "has no type and its name is not a known service"),
            bad(APP + "services:\n  db: {type: oracle}\n", "is 'oracle', which is not allowed"),
            bad(APP + "services:\n  redis: {version: latest}\n", "version 'latest' is not pinned"),
            bad(APP + "services:\n  redis: {version: \"7 alpine\"}\n", "is not a valid image tag"),
            bad(APP + "services:\n  redis: {publish: 1}\n", "must be true or false"),
            bad(APP + "services:\n  redis: {port: 1}\n", "unknown key 'port'"),
            bad(APP + "environments:\n  Prod: {}\n", "environment name 'Prod' is not valid"),
            bad(APP + "environments:\n  prod: {vars: {}}\n", "unknown key 'vars'"),
            bad(APP + "environments:\n  prod:\n    env: {A: [1]}\n", "must be a string"),
            bad(APP + "lint: {allowlist: {path: [x]}}\n", "unknown key 'path'"),
            bad(APP + "lint: {ignore: [x]}\n", "unknown key 'ignore'"),
            bad(APP + "lint: {paths: {test: [x]}}\n", "unknown key 'test'"),
            bad(APP + "lint: {allowlist: {rules: {a: b}}}\n", "must be a list"));

    /** Only the loader can say these: they relate two parts of the file, which JSON Schema cannot. */
    static final List<Case> LOADER_ONLY = List.of(
            bad(APP + "services:\n  web: {type: redis}\n", "service 'web' has the same name as an app"),
            bad(APP + "    dependsOn: [postgres]\n", "depends on 'postgres', which is not defined"),
            bad(APP + "    dependsOn: [web]\n", "depends on 'web', which is not defined"),
            bad(APP + "    env:\n      X: {from: postgres.url}\n", "names service 'postgres', which is not defined"),
            bad(APP + "    env:\n      X: {from: redis.database}\nservices:\n  redis:\n", "has no attribute 'database'"),
            bad(APP + "    processes: {worker: x}\n  web-worker:\n    runtime: {language: go}\n", "runs as compose service 'web-worker'"),
            bad(APP + "lint: {allowlist: {values: [\"(unclosed\"]}}\n", "is not a valid regular expression"));

    private static String loaderSays(String yaml) {
        try {
            DescriptorLoader.parse(FILE, yaml);
            return null;
        } catch (UserError e) {
            return e.oneLine();
        }
    }

    private static Set<ValidationMessage> schemaSays(String yaml) {
        Object data = new Load(LoadSettings.builder().build()).loadFromString(yaml);
        return schema.validate(JSON.valueToTree(data));
    }

    @Test
    void theSchemaAndTheLoaderAcceptAndRejectTheSameFiles() {
        List<String> disagree = new ArrayList<>();
        for (Case c : CASES) {
            String loader = loaderSays(c.yaml());
            Set<ValidationMessage> schemaErrors = schemaSays(c.yaml());
            if (c.loaderSays() == null ? loader != null : loader == null || !loader.contains(c.loaderSays())) {
                disagree.add("loader: expected " + c.loaderSays() + ", got " + loader + "\n" + c.yaml());
            }
            if (schemaErrors.isEmpty() != (c.loaderSays() == null)) {
                disagree.add("schema: " + (schemaErrors.isEmpty() ? "accepts" : "rejects " + schemaErrors) + " where the loader "
                        + (c.loaderSays() == null ? "accepts" : "says " + c.loaderSays()) + "\n" + c.yaml());
            }
        }
        assertEquals(List.of(), disagree, String.join("\n---\n", disagree));
    }

    @Test
    void rulesThatRelatePartsOfTheFileAreTheLoadersAlone() {
        for (Case c : LOADER_ONLY) {
            String loader = loaderSays(c.yaml());
            assertTrue(loader != null && loader.contains(c.loaderSays()), c.loaderSays() + " / " + loader + "\n" + c.yaml());
            assertEquals(Set.of(), schemaSays(c.yaml()), "JSON Schema cannot say this one\n" + c.yaml());
        }
    }

    /** Every literal message of DescriptorLoader's errors is the message of some case above. */
    @Test
    void everyLoaderErrorHasACase() throws IOException {
        String source = Files.readString(Path.of(System.getProperty("devops.project.dir", "."))
                .resolve("src/main/java/dev/devops/descriptor/DescriptorLoader.java"));
        List<String> said = new ArrayList<>();
        for (Case c : CASES) {
            said.add(loaderSays(c.yaml()));
        }
        for (Case c : LOADER_ONLY) {
            said.add(loaderSays(c.yaml()));
        }
        Matcher site = Pattern.compile("\\.error\\(|version\\(m?\\.?[a-z(\")]*, ").matcher(source);
        Pattern literal = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
        List<String> uncovered = new ArrayList<>();
        int sites = 0;
        while (site.find()) {
            Matcher lit = literal.matcher(source.substring(site.end(), Math.min(source.length(), site.end() + 300)));
            String first = null;
            while (lit.find()) {
                String l = lit.group(1).replace("\\\"", "\"");
                for (String part : l.split("%s")) { // a String.format message: its longest literal part
                    if (part.strip().length() >= 8 && (first == null || part.strip().length() > first.length())) {
                        first = part.strip();
                    }
                }
                if (first != null) {
                    break;
                }
            }
            if (first == null) {
                continue; // String.format(message, …): the message is the caller's literal, checked at its site
            }
            sites++;
            String f = first;
            if (said.stream().noneMatch(s -> s != null && s.contains(f))) {
                uncovered.add(f);
            }
        }
        assertTrue(sites >= 25, "found " + sites + " error sites");
        assertEquals(List.of(), uncovered, "loader errors without a case in this test");
    }

    @Test
    void oneRunReportsEveryProblemOfTheFile() {
        String yaml = "name: My Shop\napps:\n  web:\n    runtime: {language: node, buildTool: maven}\n    port: 70000\n"
                + "    prot: 1\n    env:\n      1X: {}\nservices:\n  redis: {version: latest}\n";
        UserError e = org.junit.jupiter.api.Assertions.assertThrows(UserError.class, () -> DescriptorLoader.parse(FILE, yaml));
        List<String> lines = e.lines();
        assertEquals(6, lines.size(), String.join("\n", lines));
        assertTrue(e instanceof UserErrors);
        for (String l : lines) {
            assertTrue(l.matches("devops\\.yaml:\\d+:\\d+: .*"), l);
        }
        assertTrue(lines.get(0).startsWith("devops.yaml:1:7: name 'My Shop'"), lines.get(0));
        assertTrue(lines.get(5).startsWith("devops.yaml:10:"), lines.get(5));
        assertTrue(schemaSays(yaml).size() >= 6, "the schema finds them too: " + schemaSays(yaml));
    }

    @Test
    void theIdIsAnHttpsUrlOfThisRepository() {
        String id = schemaJson.get("$id").asText();
        assertTrue(id.startsWith("https://"), id);
        String repo = ReportWriter.REPOSITORY_URL.replace("https://github.com/", "");
        assertTrue(id.contains(repo) && id.endsWith("/schema/devops.schema.json"), id);
        assertFalse(id.contains(" "));
    }
}
