package dev.devops.lint.env;

import static dev.devops.lint.Severity.WARNING;

import dev.devops.files.FileKinds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** ENV0007: {@code .env.<environment>} files set different keys. */
final class ENV0007EnvironmentKeys {
    private ENV0007EnvironmentKeys() {
    }

    static final EnvRule RULE = EnvRule.of("ENV0007", WARNING, ".env.<environment> files set different keys", """
            .env.development, .env.staging, .env.production … in one directory should set the same \
            variables with different values; a key present in one and missing in another is the classic \
            'works in staging, breaks in production'. The finding on each file names the keys it lacks \
            and where the others set them. (.local override files and the test environment's .env.test are not \
            compared; a key the directory's .env sets is every environment's default, as Symfony, Next.js, Vite \
            and dotenv-flow load it first.)""",
            ENV0007EnvironmentKeys::environments);

    private static void environments(EnvScope s, EnvRule.Reporter o) {
        Map<String, List<DotenvFile>> byDir = new TreeMap<>();
        Map<String, DotenvFile> base = new TreeMap<>();
        for (DotenvFile d : s.dotenvs()) {
            if (d.binary()) {
                continue;
            }
            if (FileKinds.name(d.path()).equals(".env")) {
                base.put(FileKinds.dir(d.path()), d);
            } else if (FileKinds.dotenv(d.path()) == FileKinds.Dotenv.ENVIRONMENT && !FileKinds.isTestDotenv(d.path())
                    && !FileKinds.isCiDotenv(d.path())) {
                // the test environment's file sets what only tests need (Symfony's KERNEL_CLASS): not a deployment
                byDir.computeIfAbsent(FileKinds.dir(d.path()), k -> new ArrayList<>()).add(d);
            }
        }
        for (List<DotenvFile> group : byDir.values()) {
            if (group.size() < 2) {
                continue;
            }
            for (DotenvFile d : group) {
                Map<String, String> missing = new TreeMap<>();
                for (DotenvFile other : group) {
                    for (var k : other.keys().entrySet()) {
                        DotenvFile defaults = base.get(FileKinds.dir(d.path()));
                        // a key the directory's .env sets is every environment's default: Symfony, Next.js, Vite and
                        // dotenv-flow load .env first, and .env.<environment> overrides only what differs
                        if (!d.keys().containsKey(k.getKey()) && (defaults == null || !defaults.keys().containsKey(k.getKey()))) {
                            missing.putIfAbsent(k.getKey(), other.path() + ":" + k.getValue());
                        }
                    }
                }
                if (!missing.isEmpty()) {
                    List<String> parts = missing.entrySet().stream().map(m -> m.getKey() + " (set at " + m.getValue() + ")")
                            .toList();
                    o.report(d.path(), 0, 0, d.path() + " lacks " + String.join(", ", parts),
                            "set the same keys in every .env.<environment> file (an empty value is explicit)",
                            String.join(",", missing.keySet()));
                }
            }
        }
    }
}
