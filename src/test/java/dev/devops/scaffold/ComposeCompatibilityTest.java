package dev.devops.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.devops.descriptor.Descriptor;
import dev.devops.descriptor.DescriptorLoader;
import dev.devops.testsupport.Descriptors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Issue 9 class 7: the compose files devops generates are valid for both docker-compose 1.29 (Debian 12 and
 * Ubuntu 22.04's {@code docker-compose}) and Compose v2. Every example's and build fixture's committed
 * docker-compose.yml, and renders of the test descriptors, are validated against the schema 1.29 uses and the
 * current compose-spec schema (both vendored in src/test/resources/schemas), and handed to a real
 * {@code docker-compose config}: required when CI=true, like the Docker tests.
 */
class ComposeCompatibilityTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonSchema schema(String resource, SpecVersion.VersionFlag version) throws IOException {
        try (InputStream in = ComposeCompatibilityTest.class.getResourceAsStream("/schemas/" + resource)) {
            assertNotNull(in, "the vendored schema src/test/resources/schemas/" + resource);
            JsonNode node = JSON.readTree(in);
            // validated as the tool that ships it does: the draft is chosen here, not by its $schema line
            ((com.fasterxml.jackson.databind.node.ObjectNode) node).remove(List.of("$schema", "id", "$id"));
            // "format": "duration" means a Go duration ("10s") to compose, not ISO 8601: formats are checked below
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(false).build();
            return JsonSchemaFactory.getInstance(version).getSchema(node, config);
        }
    }

    /** docker-compose 1.29 validates with python-jsonschema's Draft4Validator (its schema uses draft-04 "id"). */
    static JsonSchema compose129() throws IOException {
        return schema("docker-compose-1.29-compose_spec.json", SpecVersion.VersionFlag.V4);
    }

    static JsonSchema composeSpec() throws IOException {
        return schema("compose-spec.json", SpecVersion.VersionFlag.V7);
    }

    private static JsonNode yaml(String text) {
        return JSON.valueToTree(new Load(LoadSettings.builder().build()).loadFromString(text));
    }

    /** Every committed docker-compose.yml devops generated: examples and the build-test fixtures. */
    static List<Path> generatedComposeFiles() throws IOException {
        Path examples = ExamplesGoldenTest.examplesDir();
        List<Path> out = new ArrayList<>();
        for (Path parent : List.of(examples, examples.resolveSibling("src/test/resources/docker-fixtures"))) {
            try (Stream<Path> s = Files.list(parent)) {
                s.filter(d -> Files.isRegularFile(d.resolve("devops.yaml")) && Files.isRegularFile(d.resolve("docker-compose.yml")))
                        .sorted().forEach(d -> out.add(d.resolve("docker-compose.yml")));
            }
        }
        assertTrue(out.size() >= 4, "expected the examples' compose files, found " + out);
        return out;
    }

    /** The compose renders of the scaffold tests' descriptors (several stacks, services, published ports). */
    private static Map<String, String> renders() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("NODE", TemplateSource.builtIn().render("docker-compose.yml.ftl",
                RenderModel.project(Descriptors.parse(Descriptors.NODE))));
        // an app with worker processes (issue 9 class 4): each is a service with a command and its healthcheck disabled
        out.put("NODE+processes", TemplateSource.builtIn().render("docker-compose.yml.ftl", RenderModel.project(Descriptors.parse(
                Descriptors.NODE.replace("    healthcheck: /health\n", "    healthcheck: /health\n    processes:\n"
                        + "      worker: [node, worker.js]\n      beat: \"node beat.js --every 5m\"\n")))));
        // a migrate step (class 13): a one-shot service in the app's image, or in a tool's with a mounted directory
        out.put("NODE+migrate", TemplateSource.builtIn().render("docker-compose.yml.ftl", RenderModel.project(Descriptors.parse(
                Descriptors.NODE.replace("    healthcheck: /health\n", "    healthcheck: /health\n    processes:\n"
                        + "      worker: [node, worker.js]\n    migrate: [npx, knex, migrate:latest]\n")))));
        out.put("NODE+migrate-image", TemplateSource.builtIn().render("docker-compose.yml.ftl", RenderModel.project(Descriptors.parse(
                Descriptors.NODE.replace("    healthcheck: /health\n", "    healthcheck: /health\n    migrate:\n"
                        + "      command: [-path, /migrations, -database, \"{postgres.url}?sslmode=disable\", up]\n"
                        + "      image: migrate/migrate:v4.18.1\n      mount: db/migrations\n")))));
        String[][] apps = {{"python", "3.12", "pip", "fastapi"}, {"java", "21", "gradle", "spring-boot"},
            {"go", "1.22", "go", null}, {"node", "18", "pnpm", null}};
        for (String[] a : apps) {
            for (boolean health : new boolean[] {true, false}) {
                Descriptor d = Descriptors.parse(Descriptors.app(a[0], a[1], a[2], a[3], health, false));
                out.put(a[0] + (health ? "+health" : ""), TemplateSource.builtIn().render("docker-compose.yml.ftl",
                        RenderModel.project(d)));
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> generatedComposeFilesAreValidForDockerCompose129AndComposeV2() throws IOException {
        JsonSchema v129 = compose129();
        JsonSchema spec = composeSpec();
        Map<String, String> files = new LinkedHashMap<>();
        for (Path p : generatedComposeFiles()) {
            files.put(p.getParent().getFileName() + "/docker-compose.yml", Files.readString(p));
        }
        renders().forEach((k, v) -> files.put("render of " + k, v));
        return files.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            JsonNode doc = yaml(e.getValue());
            assertFalse(doc.has("name"), "no top-level name: (docker-compose 1.29 rejects it)");
            assertEquals(Set.of(), v129.validate(doc), "docker-compose 1.29's schema:\n" + e.getValue());
            assertEquals(Set.of(), spec.validate(doc), "the compose-spec schema:\n" + e.getValue());
            doc.get("services").forEach(svc -> {
                JsonNode hc = svc.get("healthcheck");
                for (String key : List.of("interval", "timeout", "start_period")) {
                    if (hc != null && hc.has(key)) {
                        assertTrue(hc.get(key).asText().matches("([0-9]+(\\.[0-9]+)?(ns|us|ms|s|m|h))+"),
                                "a Go duration, as compose parses it: " + hc.get(key));
                    }
                }
            });
        }));
    }

    @Test
    void theOldSchemaIsTheOneThatRejectsATopLevelName() throws IOException {
        JsonNode withName = yaml("name: shop\nservices:\n  web:\n    image: nginx\n");
        Set<ValidationMessage> errors = compose129().validate(withName);
        assertFalse(errors.isEmpty(), "1.29's schema must reject 'name:' (that is what it tells apart)");
        assertEquals(Set.of(), composeSpec().validate(withName));
    }

    /**
     * The examples' compose files through the real {@code docker-compose config} (1.29.2 here), with every
     * variable .env.example leaves empty set: the check docker-compose itself runs before {@code up}.
     */
    @TestFactory
    Stream<DynamicTest> dockerComposeConfigAcceptsTheGeneratedFiles(@TempDir Path tmp) throws IOException {
        boolean present = Files.isExecutable(Path.of("/usr/bin/docker-compose"));
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but docker-compose is not installed: apt-get install -y docker-compose");
        }
        Assumptions.assumeTrue(present, "docker-compose is not installed (required when CI=true)");
        return generatedComposeFiles().stream().map(file -> DynamicTest.dynamicTest(file.getParent().getFileName().toString(), () -> {
            Path dir = file.getParent();
            Path example = dir.resolve(".env.example");
            String env = Files.isRegularFile(example) ? Files.readString(example) : "";
            // every empty KEY= gets a value, as a user fills .env in; the values are no secrets (test only)
            String filled = env.lines().map(l -> l.matches("[A-Za-z_][A-Za-z0-9_]*=") ? l + "filled-in" : l)
                    .collect(Collectors.joining("\n", "", "\n"));
            Path envFile = Files.writeString(tmp.resolve(dir.getFileName() + ".env"), filled);
            Process p = new ProcessBuilder("docker-compose", "--project-directory", dir.toString(), "-f", file.toString(),
                    "--env-file", envFile.toString(), "config").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "docker-compose config did not finish");
            assertEquals(0, p.exitValue(), "docker-compose config " + file + ":\n" + out);
            assertTrue(out.contains("services:"), out);
        }));
    }

    @Test
    void theProjectNameComesFromComposeProjectNameInEnvExample() throws IOException {
        for (Path file : generatedComposeFiles()) {
            Descriptor d = DescriptorLoader.load(file.resolveSibling("devops.yaml"));
            String env = Files.readString(file.resolveSibling(".env.example"));
            assertTrue(env.contains("\nCOMPOSE_PROJECT_NAME=" + d.name() + "\n"), file + ": " + env);
        }
    }
}
