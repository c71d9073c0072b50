package dev.devops.lint.env;

import dev.devops.lint.Check;
import dev.devops.lint.CheckFailure;
import dev.devops.lint.Finding;
import dev.devops.lint.LintContext;
import dev.devops.lint.RuleInfo;
import dev.devops.lint.Severity;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The env-parity check (category "env", rules ENV0001–ENV0024): collects, file by file, what each part of the
 * repository reads and defines ({@link EnvScope}), then runs every {@link EnvRules rule} over it and makes the
 * findings (the fingerprint is the rule, the path and the rule's subject: a variable or a file). A file or a
 * compose project whose collection throws, or a rule that throws, gives one LINT0000 finding
 * ({@link CheckFailure}) and the rest goes on. Every cross-file finding names both sides. Runtime-version and
 * generated-file drift live in {@link DriftCheck} (category "drift").
 */
public final class EnvCheck implements Check {
    /** Null for every rule, taken at the first run: a run with --only other categories never loads the rule units. */
    private final List<EnvRule> only;

    public EnvCheck() {
        this.only = null;
    }

    /** A check that runs {@code rules} only (tests). */
    EnvCheck(List<EnvRule> rules) {
        this.only = List.copyOf(rules);
    }

    private List<EnvRule> ruleList() {
        return only != null ? only : EnvRules.all();
    }

    @Override
    public String category() {
        return "env";
    }

    @Override
    public List<RuleInfo> rules() {
        return ruleList().stream().map(EnvRule::info).toList();
    }

    @Override
    public void run(LintContext context, Consumer<Finding> out) {
        EnvScope scope = new EnvScope(context);
        for (String f : context.files()) {
            try {
                scope.collect(f);
            } catch (IOException | java.io.UncheckedIOException e) {
                // an unreadable file is the secrets check's and the file's own problem; never end the run
            } catch (RuntimeException | StackOverflowError e) {
                // a bug while reading one file: say so (the runner's shape) and go on with the others
                out.accept(CheckFailure.finding(category(), null, f, e));
            }
        }
        scope.loadCompose((file, e) -> out.accept(CheckFailure.finding(category(), null, file, e)));
        scope.addDescriptorNames();
        for (EnvRule rule : ruleList()) {
            try {
                rule.check().run(scope, (severity, path, line, column, message, hint, subject) ->
                        out.accept(finding(rule.info(), severity, path, line, column, message, hint, subject)));
            } catch (RuntimeException | StackOverflowError e) {
                // a bug in one rule must not end the lint run: the other rules still run
                out.accept(CheckFailure.finding(category(), rule.id(), ".", e));
            }
        }
    }

    /** A finding of an env rule; a subject that is a variable name is also its {@code variable} property. */
    static Finding finding(RuleInfo rule, Severity severity, String path, int line, int column, String message,
            String hint, String subject) {
        return new Finding(rule, severity == null ? rule.severity() : severity, path, line, column, message, hint, null,
                Finding.fingerprint(rule.id(), path, subject),
                subject.matches("(near:)?[A-Za-z_][A-Za-z0-9_]*") ? Map.of("variable", subject.replace("near:", ""))
                        : Map.of());
    }
}
