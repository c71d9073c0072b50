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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The published JSON Schema (schema/devops.schema.json, what editors complete from) agrees with the
 * loader: every committed devops.yaml validates against it, it rejects what the loader rejects, and it
 * names exactly the keys the loader accepts.
 */
class DescriptorSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonSchema schema;
    private static JsonNode schemaJson;

    @BeforeAll
    static void loadSchema() throws IOException {
        schemaJson = JSON.readTree(DescriptorSchema.text());
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schemaJson);
    }

    private static Path projectDir() {
        return Path.of(System.getProperty("devops.project.dir", "."));
    }

    private static Set<ValidationMessage> validate(String yaml) {
        Object data = new Load(LoadSettings.builder().build()).loadFromString(yaml);
        return schema.validate(JSON.valueToTree(data));
    }

    @Test
    void everyCommittedDescriptorValidates() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(projectDir().resolve("devops.yaml"));
        try (Stream<Path> s = Files.list(projectDir().resolve("examples"))) {
            s.map(d -> d.resolve("devops.yaml")).filter(Files::isRegularFile).forEach(files::add);
        }
        assertTrue(files.size() >= 5, files.toString());
        for (Path f : files) {
            String text = Files.readString(f);
            DescriptorLoader.parse(f, text);
            assertEquals(Set.of(), validate(text), f.toString());
        }
    }

    @Test
    void rejectsWhatTheLoaderRejects() {
        String base = dev.devops.testsupport.Descriptors.minimal("shop", "web", "node");
        assertTrue(validate(base).isEmpty());
        assertFalse(validate(base + "    prot: 80\n").isEmpty(), "unknown key");
        assertFalse(validate(base.replace("node", "ruby")).isEmpty(), "unknown language");
        assertFalse(validate(base + "    port: 70000\n").isEmpty(), "port range");
        assertFalse(validate(base.replace("shop", "My Shop")).isEmpty(), "project name");
        assertFalse(validate(base + "services:\n  redis: {version: latest}\n").isEmpty(), "unpinned version");
        assertFalse(validate("name: shop\n").isEmpty(), "apps required");
    }

    @Test
    void namesExactlyTheKeysTheLoaderAccepts() {
        assertEquals(new TreeSet<>(DescriptorLoader.TOP_KEYS), keys(schemaJson));
        JsonNode defs = schemaJson.get("definitions");
        assertEquals(new TreeSet<>(DescriptorLoader.APP_KEYS), keys(defs.get("app")));
        assertEquals(new TreeSet<>(DescriptorLoader.RUNTIME_KEYS), keys(defs.get("app").get("properties").get("runtime")));
        assertEquals(new TreeSet<>(DescriptorLoader.SERVICE_KEYS), keys(defs.get("service")));
        assertEquals(new TreeSet<>(DescriptorLoader.ENV_KEYS), keys(defs.get("envVar")));
        List<String> types = new ArrayList<>();
        defs.get("service").get("properties").get("type").get("enum").forEach(n -> types.add(n.asText()));
        assertEquals(ServiceCatalog.types(), types);
    }

    private static Set<String> keys(JsonNode objectSchema) {
        Set<String> out = new TreeSet<>();
        objectSchema.get("properties").fieldNames().forEachRemaining(out::add);
        return out;
    }
}
