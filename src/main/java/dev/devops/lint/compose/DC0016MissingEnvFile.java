package dev.devops.lint.compose;

import static dev.devops.lint.Severity.ERROR;
import static dev.devops.lint.Severity.INFO;

import dev.devops.files.FileKinds;
import dev.devops.files.Gitignore;
import dev.devops.lint.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** DC0016: env_file does not exist. */
final class DC0016MissingEnvFile {
    private DC0016MissingEnvFile() {
    }

    static final ComposeRule RULE = ComposeRule.of("DC0016", ERROR, "env_file does not exist",
            "compose refuses to start a service whose env_file is missing. Create the file (often by copying "
                    + ".env.example), fix the path, or mark it optional with the long form: env_file: "
                    + "[{path: ./local.env, required: false}]. A per-deployment file that every clone lacks by "
                    + "design (git-ignored, or documented by an example file beside it, or written by the "
                    + "deployment platform such as Portainer's stack.env, or a test stack's file the harness writes, or an absolute path "
                    + "on the deployment host outside the repository) is info with the cp command (nothing "
                    + "in the repository is wrong); an error only when nothing in the repository explains its "
                    + "absence.",
            DC0016MissingEnvFile::missingEnvFile);

    private static void missingEnvFile(ComposeScope s, ComposeRule.Reporter o) {
        s.each(svc -> svc.envFiles().forEach(f -> {
            // ${PWD}/app.env with PWD unknown to lint (it reads the project's .env, not the shell): where it is cannot be told
            Path file = s.resolve(f.path());
            if (!f.required() || !f.resolvable(s.project().environment()) || Files.isRegularFile(file)) {
                return;
            }
            String optional = "or mark it optional: {path: " + f.path() + ", required: false}";
            Path root = s.root().toAbsolutePath().normalize();
            Path abs = file.toAbsolutePath();
            String rel = abs.startsWith(root) ? root.relativize(abs).toString().replace('\\', '/') : null;
            String example = exampleOf(s.project().directory(), file);
            String ignoredBy = rel == null ? null : Gitignore.listedBy(root, rel);
            boolean platform = FileKinds.isPlatformEnvFile(f.path());
            // a test stack's env_file (a black-box suite's docker-compose.valkey-ssl.yml under src/test/resources):
            // the test harness writes it into the directory it runs compose from, as the repository's test code says
            Path at = f.at() == null || f.at().file() == null ? null : f.at().file().toAbsolutePath().normalize();
            boolean test = at != null && at.startsWith(root) && FileKinds.isTest(root.relativize(at).toString().replace('\\', '/'));
            // an absolute path outside the repository (/data/app/source/.env): a file of the host the stack is deployed
            // to, which its installer writes; no checkout holds it, and lint cannot see that host
            boolean host = rel == null && Path.of(f.path()).isAbsolute();
            if (example == null && ignoredBy == null && !platform && !test && !host) {
                o.report(f.at(), "env_file '" + f.path() + "' of service '" + svc.name() + "' does not exist, and nothing in the "
                        + "repository says how to create it (no example file beside it, no .gitignore rule for it)",
                        "create it, fix the path, " + optional);
                return;
            }
            // a per-deployment file: absent from every clone (CI included) by design, created from the example
            String why = example != null ? "each checkout creates it from " + example
                    : ignoredBy != null ? ignoredBy + " ignores it: each checkout creates its own"
                    : platform ? "the deployment platform writes it"
                    : host ? "a file of the host the stack is deployed to, outside the repository"
                    : "a test stack: the test harness that runs it writes it";
            // info: nothing in the repository is wrong (a warning on every CI clone would be noise a gate learns to ignore)
            o.report(f.at(), Severity.INFO, "env_file '" + f.path() + "' of service '" + svc.name()
                            + "' does not exist in this checkout (" + why + "); compose refuses to start the service until it does",
                    (example != null ? "cp " + example + " " + f.path() + " and fill in the values, "
                            : "create " + f.path() + " before `docker compose up` (document its keys in an example file), ")
                            + optional);
        }));
    }

    /**
     * The example file that documents a missing env file, relative to the compose directory: {@code X.example} (or
     * another example word) beside it, else an example dotenv file in its directory ({@code .env.example},
     * {@code example.env}) or in the compose file's directory.
     */
    private static String exampleOf(Path composeDir, Path envFile) {
        Path dir = envFile.getParent();
        String name = envFile.getFileName().toString();
        for (String word : List.of("example", "sample", "template", "dist", "tpl")) {
            if (Files.isRegularFile(dir.resolve(name + "." + word))) {
                return relativeTo(composeDir, dir.resolve(name + "." + word));
            }
        }
        for (Path d : dir.equals(composeDir) ? List.of(dir) : List.of(dir, composeDir)) {
            try (var files = Files.list(d)) {
                Path ex = files.filter(p -> Files.isRegularFile(p)
                        && FileKinds.dotenv(p.getFileName().toString()) == FileKinds.Dotenv.EXAMPLE).sorted().findFirst().orElse(null);
                if (ex != null) {
                    return relativeTo(composeDir, ex);
                }
            } catch (IOException | RuntimeException e) {
                // a directory that cannot be listed documents nothing
            }
        }
        return null;
    }

    private static String relativeTo(Path dir, Path file) {
        return dir.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
}
