package dev.devops.lint.env;

import dev.devops.detect.RuntimeVersions;
import dev.devops.files.FileKinds;
import dev.devops.lint.Check;
import dev.devops.lint.CheckFailure;
import dev.devops.lint.Finding;
import dev.devops.lint.LintContext;
import dev.devops.lint.RuleInfo;
import dev.devops.scaffold.Scaffolder;
import java.util.List;
import java.util.function.Consumer;

/**
 * The drift check (category "drift"): runtime versions that disagree between the project's version files
 * ({@link RuntimeVersions}), the Dockerfile's base images, GitHub workflow setup actions and devops.yaml
 * (DRIFT0003–DRIFT0006), and generated files that no longer match what devops.yaml renders (DRIFT0001–DRIFT0002,
 * through {@link Scaffolder#drift}). It collects what the rules see ({@link DriftScope}), runs every
 * {@link DriftRules rule} and makes the findings; a rule that throws gives one LINT0000 finding
 * ({@link CheckFailure}) and the other rules still run.
 */
public final class DriftCheck implements Check {
    /** Null for every rule, taken at the first run: a run with --only other categories never loads the rule units. */
    private final List<DriftRule> only;

    public DriftCheck() {
        this.only = null;
    }

    /** A check that runs {@code rules} only (tests). */
    DriftCheck(List<DriftRule> rules) {
        this.only = List.copyOf(rules);
    }

    private List<DriftRule> ruleList() {
        return only != null ? only : DriftRules.all();
    }

    @Override
    public String category() {
        return "drift";
    }

    @Override
    public List<RuleInfo> rules() {
        return ruleList().stream().map(DriftRule::info).toList();
    }

    /**
     * Its findings are on version files, Dockerfiles, CI workflows, devops.yaml and the files devops.yaml renders
     * (Dockerfile, .dockerignore, the compose file, .env.example).
     */
    @Override
    public boolean reportsOn(String path) {
        return RuntimeVersions.isVersionFile(path) || FileKinds.isDockerfile(path) || FileKinds.isDockerignore(path)
                || FileKinds.isYaml(path) || FileKinds.isCi(path) || FileKinds.dotenv(path) == FileKinds.Dotenv.EXAMPLE;
    }

    @Override
    public void run(LintContext context, Consumer<Finding> out) {
        DriftScope scope = new DriftScope(context);
        for (String f : context.files()) {
            scope.collect(f);
        }
        for (DriftRule rule : ruleList()) {
            try {
                rule.check().run(scope, (path, line, message, hint, subject, properties) ->
                        out.accept(new Finding(rule.info(), rule.info().severity(), path, line, 0, message, hint, null,
                                Finding.fingerprint(rule.id(), path, subject), properties)));
            } catch (RuntimeException | StackOverflowError e) {
                // a bug in one rule must not end the lint run: the other rules still run
                out.accept(CheckFailure.finding(category(), rule.id(), ".", e));
            }
        }
    }
}
