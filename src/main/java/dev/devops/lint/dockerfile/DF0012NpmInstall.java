package dev.devops.lint.dockerfile;

import static dev.devops.lint.Severity.WARNING;

import java.util.List;

/** DF0012: npm install where npm ci fits. */
final class DF0012NpmInstall {
    private DF0012NpmInstall() {
    }

    static final DockerfileRule RULE = DockerfileRule.of("DF0012", WARNING, "npm install where npm ci fits",
            "npm install may update package-lock.json and resolve different versions than the ones you "
                    + "tested; npm ci installs exactly what the lockfile says, fails when it is out of date, "
                    + "and is faster. Use RUN npm ci (npm ci --omit=dev for production images). Hadolint DL3016's "
                    + "neighbour; npm docs: https://docs.npmjs.com/cli/commands/npm-ci",
            DF0012NpmInstall::npmInstall);

    private static void npmInstall(DockerfileScope s, DockerfileRule.Reporter o) {
        boolean lock = s.contextHas("package-lock.json") || s.contextHas("npm-shrinkwrap.json");
        DockerfileRule.eachCommand(s, o, c -> c.program().equals("npm") && List.of("install", "i").contains(String.valueOf(c.subcommand()))
                && c.operands().isEmpty() && !c.hasFlag("-g", "--global"),
                c -> lock ? "npm install with package-lock.json in the build context: npm ci installs exactly the locked versions"
                        : "npm install resolves versions at build time; with a committed package-lock.json, npm ci would install exactly those",
                lock ? "use RUN npm ci (npm ci --omit=dev for production)" : "commit package-lock.json and use RUN npm ci");
    }
}
