package dev.devops.lint.env;

import static dev.devops.lint.Severity.WARNING;

import dev.devops.detect.RuntimeVersions;
import dev.devops.detect.RuntimeVersions.Stated;
import dev.devops.files.FileKinds;
import dev.devops.lint.dockerfile.Dockerfile;
import dev.devops.lint.dockerfile.DockerfileParser;
import dev.devops.lint.dockerfile.Stage;
import java.util.ArrayList;
import java.util.List;

/** DRIFT0003: Base image version differs from the project's version file. */
final class DRIFT0003ImageVersion {
    private DRIFT0003ImageVersion() {
    }

    static final DriftRule RULE = DriftRule.of("DRIFT0003", WARNING, "Base image version differs from the project's version file", """
            The Dockerfile builds or runs on a different runtime version than the project states (.nvmrc, \
            .node-version, engines.node, .tool-versions, volta; maven.compiler.release, java.version, \
            toolchains, Gradle toolchain; .python-version, requires-python, runtime.txt; go.mod go / \
            toolchain). Tests pass locally on one version and production runs another. Versions are \
            compared at the precision both sides state (node and java major, python and go major.minor): \
            node 20 and node:20.11-alpine agree. A lower bound is met by any later version: engines.node >=18, \
            requires-python >=3.10, go.mod's go directive, and a Java compiler release (maven.compiler.release, \
            <release>: javac checks the API, the classes run on every later JDK; source/target alone stay exact). \
            ARG-substituted tags are resolved through the ARG \
            defaults. Fix: change the FROM tag or the version file so they agree.""",
            (s, o) -> s.eachDockerfile((f, text) -> dockerfile(s, f, text, o)));

    private static void dockerfile(DriftScope s, String f, String text, DriftRule.Reporter o) {
        Dockerfile df = DockerfileParser.parse(f, text);
        List<String> stageNames = new ArrayList<>();
        for (Stage st : df.stages()) {
            if (st.name() != null) {
                stageNames.add(st.name());
            }
            if (!st.resolved() || st.parentStage() >= 0 || st.image() == null) {
                continue;
            }
            String[] lv = RuntimeVersions.ofImage(st.image());
            if (lv == null || lv[1] == null) {
                continue;
            }
            Stated p = DriftScope.primary(s.stated(FileKinds.dir(f), lv[0]));
            if (p == null || RuntimeVersions.satisfies(p, lv[1])) {
                continue;
            }
            int line = st.from().line();
            o.report(f, line, "FROM " + st.image() + " at " + f + ":" + line + " runs " + lv[0] + " "
                    + lv[1] + " but " + p.source() + " at " + p.where() + " says " + lv[0] + " " + DriftScope.describe(p),
                    "change the FROM tag to " + lv[0] + " " + p.version() + " or update " + p.path(), st.image());
        }
    }
}
