package dev.devops.lint.env;

import static dev.devops.lint.Severity.WARNING;

import dev.devops.descriptor.App;
import dev.devops.detect.RuntimeVersions;
import dev.devops.detect.RuntimeVersions.Stated;
import java.util.regex.Pattern;

/** DRIFT0005: devops.yaml runtime.version differs from the version file. */
final class DRIFT0005DescriptorVersion {
    private DRIFT0005DescriptorVersion() {
    }

    static final DriftRule RULE = DriftRule.of("DRIFT0005", WARNING, "devops.yaml runtime.version differs from the version file", """
            devops.yaml pins an app's runtime.version (which the generated Dockerfile uses) to a different \
            version than the app's own version file. Fix: update runtime.version (and re-render) or the \
            version file.""",
            DRIFT0005DescriptorVersion::descriptorVersions);

    private static void descriptorVersions(DriftScope s, DriftRule.Reporter o) {
        if (s.context().descriptor() == null) {
            return;
        }
        String yaml = s.text("devops.yaml");
        for (App a : s.context().descriptor().apps()) {
            if (a.runtime() == null || a.runtime().version() == null || a.runtime().language() == null) {
                continue;
            }
            String language = a.runtime().language().id();
            String dir = ".".equals(a.path()) || a.path() == null ? "" : a.path().replaceAll("^\\./", "").replaceAll("/$", "");
            Stated p = DriftScope.primary(s.stated(dir, language));
            String v = RuntimeVersions.normalize(language, a.runtime().version());
            if (p == null || v == null || RuntimeVersions.satisfies(p, v)) {
                continue;
            }
            int line = yaml == null ? 0 : versionLine(yaml, a.name(), a.runtime().version());
            o.report("devops.yaml", line, "devops.yaml" + (line > 0 ? ":" + line : "") + " pins app "
                    + a.name() + " to " + language + " " + a.runtime().version() + " but " + p.source() + " at " + p.where()
                    + " says " + DriftScope.describe(p), "set apps." + a.name() + ".runtime.version to " + p.version()
                    + " and run devops render, or update " + p.path(), a.name());
        }
    }

    /** The line of {@code version: V} after the app's key in devops.yaml, else the first such line, else 0. */
    static int versionLine(String yaml, String app, String version) {
        String re = "^\\s*version:\\s*['\"]?" + Pattern.quote(version);
        int appLine = EnvScope.lineOf(yaml, "^\\s+" + Pattern.quote(app) + ":\\s*$");
        if (appLine > 0) {
            String[] lines = yaml.split("\n", -1);
            String rest = String.join("\n", java.util.Arrays.copyOfRange(lines, appLine, lines.length));
            int l = EnvScope.lineOf(rest, re);
            if (l > 0) {
                return appLine + l;
            }
        }
        return EnvScope.lineOf(yaml, re);
    }
}
