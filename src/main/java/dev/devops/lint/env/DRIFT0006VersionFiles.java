package dev.devops.lint.env;

import static dev.devops.lint.Severity.WARNING;

import dev.devops.detect.RuntimeVersions;
import dev.devops.detect.RuntimeVersions.Stated;
import java.util.List;

/** DRIFT0006: Version files disagree with each other. */
final class DRIFT0006VersionFiles {
    private DRIFT0006VersionFiles() {
    }

    static final DriftRule RULE = DriftRule.of("DRIFT0006", WARNING, "Version files disagree with each other", """
            Two version files of the same project state different versions of one runtime (.nvmrc says 18, \
            package.json engines says >=20; pom.xml java.version 17 but the compiler release 21). Tools \
            pick different ones (nvm reads .nvmrc, Volta package.json, CI the workflow). Keep one source of \
            truth.""",
            DRIFT0006VersionFiles::versionFiles);

    private static void versionFiles(DriftScope scope, DriftRule.Reporter o) {
        for (List<Stated> list : scope.statements().values()) {
            for (String language : List.of("node", "java", "python", "go")) {
                List<Stated> l = list.stream().filter(s -> s.language().equals(language)).toList();
                Stated p = DriftScope.primary(l);
                for (Stated s : l) {
                    if (s == p || (s.floor() && p.floor())) {
                        continue;
                    }
                    boolean ok = s.floor() ? RuntimeVersions.satisfies(s, p.version()) : RuntimeVersions.satisfies(p, s.version());
                    if (!ok) {
                        o.report(s.path(), s.line(), s.source() + " at " + s.where() + " says " + language
                                + " " + DriftScope.describe(s) + " but " + p.source() + " at " + p.where() + " says " + DriftScope.describe(p),
                                "keep one source of truth for the " + language + " version and make the others agree", language);
                    }
                }
            }
        }
    }
}
