package dev.devops.lint.compose;

import static dev.devops.lint.Severity.ERROR;

import dev.devops.lint.Severity;
import dev.devops.yaml.Suggest;
import java.util.Set;

/** DC0018: depends_on names a service that does not exist. */
final class DC0018UnknownDependency {
    private DC0018UnknownDependency() {
    }

    static final ComposeRule RULE = ComposeRule.of("DC0018", ERROR, "depends_on names a service that does not exist",
            "compose refuses a depends_on entry naming an unknown service. Fix the name, or mark the "
                    + "dependency optional with required: false. Info instead when another compose file of the repository "
                    + "defines the service: the file is a fragment run with it (docker compose -f base.yml -f this.yml); info in a "
                    + "fragment a local development environment (DDEV's .ddev/docker-compose.*.yaml) merges with the base file it generates.",
            DC0018UnknownDependency::unknownDependency);

    /**
     * Whether the depends_on entry at {@code at} names its service with a variable ({@code - "${APP_DB}"}): the wrapper
     * that starts the stack chooses the service (a script that exports APP_DB=postgresql or mysql), so the name is
     * unknown here; ENV0008 reports the variable if nothing sets it. Read only for an entry about to be reported.
     */
    static boolean writtenWithVariable(dev.devops.core.SourceLocation at) {
        if (at == null || at.file() == null || at.line() <= 0) {
            return false;
        }
        try (var lines = java.nio.file.Files.lines(at.file(), java.nio.charset.StandardCharsets.UTF_8)) {
            String line = lines.skip(at.line() - 1L).findFirst().orElse("");
            return java.util.regex.Pattern.compile("\\$\\{?[A-Za-z_]").matcher(line).find();
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    private static void unknownDependency(ComposeScope s, ComposeRule.Reporter o) {
        Set<String> names = s.project().services().keySet();
        s.each(svc -> svc.dependsOn().values().forEach(d -> {
            if (d.required() && !names.contains(d.service()) && !writtenWithVariable(d.at())) {
                String other = s.declared().by("services", d.service(), ComposeCheck.relative(s.root().toAbsolutePath().normalize(),
                        s.project().directory().resolve(s.project().files().get(0))));
                if (other != null) {
                    // a fragment combined with the file that defines the service (docker compose -f a.yml -f b.yml)
                    o.report(d.at(), Severity.INFO, "service '" + svc.name() + "' depends on '" + d.service()
                            + "', which only " + other + " defines: this file is a fragment meant to be combined with it",
                            "run it as docker compose -f " + other + " -f <this file>, or add required: false");
                    return;
                }
                if (s.completedByDevEnvironment()) {
                    o.report(d.at(), Severity.INFO, "service '" + svc.name() + "' depends on '" + d.service()
                            + "', which is not defined here: the development environment that runs this file merges it with "
                            + "the base file it generates, which defines it", "fix the name if that base does not define it either");
                    return;
                }
                String near = Suggest.closest(d.service(), names);
                o.report(d.at(), "service '" + svc.name() + "' depends on '" + d.service() + "', which is not defined",
                        near != null ? "did you mean '" + near + "'?" : "fix the name or add required: false");
            }
        }));
    }
}
