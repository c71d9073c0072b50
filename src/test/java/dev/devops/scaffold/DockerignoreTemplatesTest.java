package dev.devops.scaffold;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.descriptor.App;
import dev.devops.descriptor.Descriptor;
import dev.devops.testsupport.Descriptors;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each stack's .dockerignore, evaluated the way the Docker CLI and docker-java do (Go filepath.Match per path
 * segment, "**" across directories, a pattern also covers everything below a matched directory, the last
 * matching pattern wins and "!" re-includes): secrets and clutter stay out, nothing the build needs does.
 */
class DockerignoreTemplatesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "node;npm;package.json package-lock.json src/server.js index.js lib/a.js;node_modules/express/index.js npm-debug.log.1",
        "java;maven;pom.xml src/main/java/A.java src/main/resources/application.properties api/pom.xml "
            + "api/src/main/java/com/acme/build/Task.java;target/app.jar .gradle/x build/libs/a.jar api/target/api-0.9.jar "
            + "services/api/build/libs/api.jar",
        "python;pip;requirements.txt app.py pkg/__init__.py;__pycache__/a.pyc pkg/__pycache__/b.pyc .venv/bin/python",
        "go;go;go.mod go.sum main.go internal/x/x.go;bin/app",
    })
    void keepsWhatTheBuildNeedsAndDropsSecretsAndClutter(String lang, String tool, String kept, String dropped) {
        Descriptor d = Descriptors.parse(Descriptors.app(lang, "1", tool, null, false, false));
        App app = d.apps().get(0);
        String text = TemplateSource.builtIn().render(Scaffolder.dockerignoreTemplate(app), RenderModel.forApp(d, app));
        List<String> patterns = new ArrayList<>();
        for (String l : text.split("\n")) {
            if (!l.isBlank() && !l.startsWith("#")) {
                patterns.add(l.trim());
            }
        }
        List<String> keep = new ArrayList<>(List.of(kept.split(" ")));
        keep.addAll(List.of("Dockerfile", ".dockerignore", ".env.example", "config/.env.example"));
        for (String path : keep) {
            assertFalse(excluded(patterns, path), path + " must stay in the build context:\n" + text);
        }
        List<String> drop = new ArrayList<>(List.of(dropped.split(" ")));
        drop.addAll(List.of(".env", ".env.local", ".env.production", "config/.env", "deploy/.env.staging", ".git/HEAD",
                "server.log", "logs/app.log", "docker-compose.yml", "docker-compose.override.yml", "certs/tls.key",
                ".idea/workspace.xml"));
        for (String path : drop) {
            assertTrue(excluded(patterns, path), path + " must not be sent to the builder:\n" + text);
        }
    }

    static boolean excluded(List<String> patterns, String path) {
        boolean out = false;
        for (String p : patterns) {
            boolean negate = p.startsWith("!");
            String pat = negate ? p.substring(1) : p;
            if (regex(pat).matcher(path).matches()) {
                out = !negate;
            }
        }
        return out;
    }

    private static Pattern regex(String pattern) {
        StringBuilder sb = new StringBuilder("^");
        String[] parts = pattern.split("/");
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.equals("**")) {
                sb.append("(?:[^/]*(?:/[^/]*)*/)?");
                continue;
            }
            for (int k = 0; k < part.length(); k++) {
                char c = part.charAt(k);
                switch (c) {
                    case '*' -> sb.append("[^/]*");
                    case '?' -> sb.append("[^/]");
                    case '[' -> {
                        int end = part.indexOf(']', k);
                        sb.append(part, k, end + 1);
                        k = end;
                    }
                    default -> sb.append(Pattern.quote(String.valueOf(c)));
                }
            }
            if (i < parts.length - 1) {
                sb.append('/');
            }
        }
        return Pattern.compile(sb.append("(?:/.*)?$").toString());
    }
}
