package dev.devops.lint.env;

import static dev.devops.lint.Severity.WARNING;

import dev.devops.scaffold.Scaffolder;

/** DRIFT0002: Generated file is missing. */
final class DRIFT0002GeneratedMissing {
    private DRIFT0002GeneratedMissing() {
    }

    static final DriftRule RULE = DriftRule.of("DRIFT0002", WARNING, "Generated file is missing", """
            devops.yaml renders a file (Dockerfile, .dockerignore, .env.example, docker-compose.yml) that \
            does not exist in the repository. Fix: run `devops render`.""",
            DRIFT0002GeneratedMissing::generatedMissing);

    private static void generatedMissing(DriftScope s, DriftRule.Reporter o) {
        for (Scaffolder.Drift d : s.drifts()) {
            String path = d.relativePath();
            if (!d.missing() || DriftScope.notDrift(path)) {
                continue;
            }
            if (!Scaffolder.adopted(s.context().descriptor(), s.root())) {
                continue; // devops.yaml without any rendered file: the files are the user's own (or not wanted)
            }
            o.report(path, 0, path + " is rendered from devops.yaml but does not exist", "run devops render", path);
        }
    }
}
