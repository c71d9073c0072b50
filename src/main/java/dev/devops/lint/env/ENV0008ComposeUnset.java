package dev.devops.lint.env;

import static dev.devops.lint.Severity.WARNING;

import dev.devops.files.FileKinds;
import dev.devops.lint.Severity;
import java.util.List;
import java.util.Set;

/** ENV0008: Compose ${X} with no default that is not in .env.example or .env. */
final class ENV0008ComposeUnset {
    private ENV0008ComposeUnset() {
    }

    static final EnvRule RULE = EnvRule.of("ENV0008", WARNING, "Compose ${X} with no default that is not in .env.example or .env", """
            A compose file interpolates ${X} or $X with no default (${X:-default}) and no error message \
            (${X:?message}), and neither .env.example nor .env next to it sets X (nor a committed env file beside \
            it under another name, such as deploy.env, that the stack is started from; nor the Makefile beside it, \
            export X ?= default, whose targets run compose; nor a shell script that names the compose file and \
            exports X, the wrapper that starts the stack; nor the env file the README beside it copies to .env or \
            passes with --env-file, such as sample.conf; nor an env file the CI workflows append to $GITHUB_ENV, \
            cat ci/env >> $GITHUB_ENV). docker compose then \
            substitutes an empty string with only a warning, which usually breaks the container at run \
            time. Fix: add X to .env.example (and your .env), or give it a default in the compose file. In a test \
            suite's compose file (under a test directory), which its harness starts with the variables set (a CI \
            matrix, testcontainers, the project's test runner), the finding is info.""",
            ENV0008ComposeUnset::compose);

    private static void compose(EnvScope s, EnvRule.Reporter o) {
        for (var e : s.composeRefs().entrySet()) {
            String file = e.getKey();
            if (s.context().inComposeCatalogue(file)) {
                continue; // a platform's template: the platform sets the variables it generates (a password, a URL)
            }
            DotenvFile local = s.localEnv(FileKinds.dir(file));
            Set<String> reported = new java.util.HashSet<>();
            for (ComposeRefs.Ref r : e.getValue()) {
                if (r.mode() != ComposeRefs.Mode.PLAIN || EnvScope.isPlatform(r.name()) || ShellReads.isSystem(r.name())) {
                    continue;
                }
                List<DotenvFile> ex = s.examplesFor(file);
                if (EnvScope.documented(ex, r.name()) || (local != null && local.keys().containsKey(r.name()))
                        || s.setBesideCompose(FileKinds.dir(file), r.name()) || !reported.add(r.name())
                        || s.exportedByMakefile(FileKinds.dir(file), r.name())
                        || s.setByTaskFile(FileKinds.dir(file), r.name())
                        || s.exportedByWrapperScript(file, r.name())
                        || s.setByCopiedEnvFile(FileKinds.dir(file), r.name())
                        || s.setByCiLoadedEnvFile(r.name())) {
                    continue;
                }
                // a test suite's stack (tests/integration/x/compose.yaml, a functional test's resources) is started by its
                // harness, which sets the variables (a CI matrix, testcontainers, the project's test runner): info
                boolean suite = FileKinds.isTest(file);
                o.report(suite ? Severity.INFO : WARNING, file, r.line(), r.column(), file + ":" + r.line() + " interpolates ${" + r.name()
                        + "} with no default, but neither " + (ex.isEmpty() ? ".env.example" : EnvScope.names(ex)) + " nor "
                        + EnvScope.join(FileKinds.dir(file), ".env") + " sets " + r.name() + " (compose will substitute an empty string"
                        + (suite ? "; a test suite's stack, whose harness usually sets it" : "") + ")",
                        "add " + r.name() + "= to " + (ex.isEmpty() ? EnvScope.join(FileKinds.dir(file), ".env.example") : ex.get(0).path())
                                + ", or write ${" + r.name() + ":-default} / ${" + r.name() + ":?" + r.name() + " must be set}"
                                + " (or $$" + r.name() + " if the container's shell should expand it)",
                        r.name());
            }
        }
    }
}
