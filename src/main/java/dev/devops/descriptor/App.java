package dev.devops.descriptor;

import java.util.List;
import java.util.Map;

/**
 * One application built from this repository.
 *
 * @param name        compose service name and image name suffix
 * @param path        directory of the app relative to the repository root ("." for the root)
 * @param runtime     language, version, build tool and framework
 * @param port        the port the app listens on inside its container, or null for a worker
 * @param build       the build command run in the image's build stage (argv), or empty for none
 * @param start       the start command in exec form (argv), or empty to use the stack's default
 * @param healthcheck HTTP path answered with 2xx when healthy (e.g. /health), or null
 * @param output      static sites: the directory, relative to the app, the build writes the files nginx
 *                    serves to; null for the framework's default ({@link Runtime#staticOutput})
 * @param dependsOn   services (or other apps) this app needs before it starts
 * @param env         environment variables the app reads, in order
 * @param processes   the app's other processes (workers, schedulers), each a compose service of its own that
 *                    runs the app's image with this command, keyed by process name; empty for none
 * @param files       files and directories of the app (relative to it) the app opens at run time (config files, SQL
 *                    migrations, templates), which an image holding only the build's output must carry; empty for none
 * @param migrate     the database migration step run once before the app starts, or null for none
 * @param dockerfile  the repository's own Dockerfile that builds this app (relative to devops.yaml, whose directory is
 *                    its build context), which devops uses instead of writing one; null for devops's own
 */
public record App(
        String name,
        String path,
        Runtime runtime,
        Integer port,
        List<String> build,
        List<String> start,
        String healthcheck,
        String output,
        List<String> dependsOn,
        Map<String, EnvVar> env,
        Map<String, List<String>> processes,
        List<String> files,
        Migrate migrate,
        String dockerfile) {

    /** An app without run-time files or a migration step, built with the Dockerfile devops writes. */
    public App(String name, String path, Runtime runtime, Integer port, List<String> build, List<String> start,
            String healthcheck, String output, List<String> dependsOn, Map<String, EnvVar> env,
            Map<String, List<String>> processes) {
        this(name, path, runtime, port, build, start, healthcheck, output, dependsOn, env, processes, List.of(), null, null);
    }

    /** An app built with the Dockerfile devops writes. */
    public App(String name, String path, Runtime runtime, Integer port, List<String> build, List<String> start,
            String healthcheck, String output, List<String> dependsOn, Map<String, EnvVar> env,
            Map<String, List<String>> processes, List<String> files, Migrate migrate) {
        this(name, path, runtime, port, build, start, healthcheck, output, dependsOn, env, processes, files, migrate, null);
    }

    /** An app without run-time files or a migration step. */
    public App(String name, String path, Runtime runtime, Integer port, List<String> build, List<String> start,
            String healthcheck, String output, List<String> dependsOn, Map<String, EnvVar> env,
            Map<String, List<String>> processes, String dockerfile) {
        this(name, path, runtime, port, build, start, healthcheck, output, dependsOn, env, processes, List.of(), null,
                dockerfile);
    }

    public App {
        files = files == null ? List.of() : List.copyOf(files);
        build = build == null ? List.of() : List.copyOf(build);
        start = start == null ? List.of() : List.copyOf(start);
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        env = env == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(env));
        java.util.Map<String, List<String>> p = new java.util.LinkedHashMap<>();
        if (processes != null) {
            processes.forEach((k, v) -> p.put(k, List.copyOf(v)));
        }
        processes = java.util.Collections.unmodifiableMap(p);
    }
}
