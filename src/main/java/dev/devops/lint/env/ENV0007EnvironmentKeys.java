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
            and dotenv-flow load it first. Files compared name different environments and are otherwise alike: \
            .env.mysql.dev and .env.postgres.dev are one environment's alternatives, .env.vagrant names no environment.)""",
            ENV0007EnvironmentKeys::environments);

    /** The words that name a deployment environment in an env file's name. */
    private static final java.util.Set<String> ENVIRONMENT_WORDS = java.util.Set.of("dev", "develop", "development",
            "stage", "staging", "stg", "prod", "production", "prd", "qa", "uat", "preview", "sandbox", "int", "integration",
            "preprod", "canary", "perf", "demo");

    private static List<String> words(String name) {
        return List.of(name.toLowerCase(java.util.Locale.ROOT).replaceFirst("^\\.", "").split("[._-]+"));
    }

    /**
     * The environment an env file's name gives ({@code .env.mysql.dev}: dev), or "" when it names none (the default one
     * its variant runs in: {@code .env.docker} beside {@code .env.dev.docker}).
     */
    static String environment(String name) {
        return words(name).stream().filter(ENVIRONMENT_WORDS::contains).findFirst().orElse("");
    }

    /**
     * The rest of the name once its environment word is taken out ({@code .env.mysql.dev}: env.mysql): files compared with
     * each other share it. {@code .env.vagrant} and {@code .env.nanobox}, or {@code .env.ci.mysql} and {@code .env.ci.pgsql},
     * are alternative ways to run the app, each its own variant.
     */
    static String variant(String name) {
        String env = environment(name);
        return String.join(".", words(name).stream().filter(w -> !w.equals(env)).toList());
    }

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
                byDir.computeIfAbsent(FileKinds.dir(d.path()) + "\u0000" + variant(FileKinds.name(d.path())),
                        k -> new ArrayList<>()).add(d);
            }
        }
        for (List<DotenvFile> group : byDir.values()) {
            if (group.stream().map(d -> environment(FileKinds.name(d.path()))).distinct().count() < 2) {
                continue; // one environment's variants (.env.mysql.dev, .env.postgres.dev): alternatives, not environments
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
