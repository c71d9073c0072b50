package dev.devops.lint.env;

import static dev.devops.lint.Severity.WARNING;

import dev.devops.detect.RuntimeVersions;
import dev.devops.detect.RuntimeVersions.Stated;

/** DRIFT0004: CI workflow runtime version differs from the project's version file. */
final class DRIFT0004CiVersion {
    private DRIFT0004CiVersion() {
    }

    static final DriftRule RULE = DriftRule.of("DRIFT0004", WARNING, "CI workflow runtime version differs from the project's version file", """
            A GitHub Actions workflow sets up a different runtime version (actions/setup-node node-version, \
            setup-java java-version, setup-python python-version, setup-go go-version) than the project's \
            version file: CI tests a version nobody runs. Matrix entries (${{ matrix.node }}) and \
            *-version-file inputs are not compared, nor a version the project's own Dockerfile builds or runs on \
            (CI tests what the image runs; the image's drift from the version file is DRIFT0003's); a lower bound \
            (engines >=18, a Java compiler release) is met by any later version. Fix: use the same version, or point the action at the \
            version file (node-version-file: .nvmrc).""",
            (s, o) -> s.eachWorkflow((f, text) -> workflow(s, f, text, o)));

    private static void workflow(DriftScope s, String f, String text, DriftRule.Reporter o) {
        for (RuntimeVersions.WorkflowSetup w : RuntimeVersions.workflowSetups(text)) {
            if (w.fromMatrix()) {
                continue; // a matrix tests several versions on purpose
            }
            String language = w.language();
            String raw = w.raw();
            String v = w.version();
            Stated p = DriftScope.primary(s.projectWide(language));
            if (v != null && p != null && !RuntimeVersions.satisfies(p, v)
                    && !s.imageVersions(language).contains(v)) {
                o.report(f, w.line(), "actions/setup-" + language + " at " + f + ":" + w.line() + " uses "
                        + language + " " + raw + " but " + p.source() + " at " + p.where() + " says " + DriftScope.describe(p),
                        "use " + language + "-version: " + p.version() + (language.equals("node") || language.equals("python")
                                ? " (or " + language + "-version-file: " + p.path() + ")" : ""), language + ":" + raw);
            }
        }
    }
}
