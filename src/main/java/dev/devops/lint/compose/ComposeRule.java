package dev.devops.lint.compose;

import dev.devops.compose.ComposeProject;
import dev.devops.core.SourceLocation;
import dev.devops.lint.RuleInfo;
import dev.devops.lint.Severity;
import java.nio.file.Path;

/**
 * One compose rule: its metadata and its check over the typed, merged {@link ComposeProject}.
 *
 * @param info  id, title, default severity and the explanation {@code devops rules ID} prints
 * @param check the check itself
 */
public record ComposeRule(RuleInfo info, Body check) {
    /** The check of a rule. */
    @FunctionalInterface
    public interface Body {
        void run(Scope scope, Reporter out);
    }

    /**
     * What a compose rule sees: the project, the repository root (for files the project names) and the builds
     * of every compose file of the repository ({@link Builds}).
     */
    public record Scope(ComposeProject project, Path root, Builds builds) {
        public Scope {
            builds = builds == null ? Builds.NONE : builds;
        }

        public Scope(ComposeProject project, Path root) {
            this(project, root, Builds.NONE);
        }
    }

    /** A Dockerfile and the stage a build stops at (null: the last). */
    public record Built(Path dockerfile, String target) {
    }

    /**
     * Which Dockerfile makes an image, across the repository's compose files: a base file often runs the published
     * image ({@code image: org/app-config}) that an override or dev file builds ({@code build: config}) for the same
     * service. Keys: the image name as written, and the compose directory with the service name; and the image
     * repositories the project's build tool makes ({@link #builtByTool}).
     */
    public record Builds(java.util.Map<String, Built> byImage, java.util.Map<String, Built> byService,
            java.util.Set<String> byBuildTool) {
        public static final Builds NONE = new Builds(java.util.Map.of(), java.util.Map.of(), java.util.Set.of());

        public Builds(java.util.Map<String, Built> byImage, java.util.Map<String, Built> byService) {
            this(byImage, byService, java.util.Set.of());
        }

        /**
         * Whether the project's build tool makes image {@code repository} (without tag): Jib's {@code <image>} in
         * pom.xml or {@code image =} in build.gradle, {@code docker build -t} in a Makefile or package.json script.
         */
        public boolean builtByTool(String repository) {
            return byBuildTool.contains(repository);
        }

        /** The build that makes service {@code service} of the project in {@code dir} with image {@code image}, or null. */
        public Built of(Path dir, String service, String image) {
            Built b = byService.get(key(dir, service));
            return b != null || image == null ? b : byImage.get(image);
        }

        public static String key(Path dir, String service) {
            return dir.toAbsolutePath().normalize() + "\0" + service;
        }
    }

    /** Where a rule reports; the location carries the file (an override file when the entry came from one). */
    public interface Reporter {
        void report(SourceLocation at, String message, String hint);

        void report(SourceLocation at, Severity severity, String message, String hint);
    }

    static ComposeRule of(String id, Severity severity, String title, String explanation, Body body) {
        return new ComposeRule(new RuleInfo(id, title, severity, "compose", explanation), body);
    }
}
