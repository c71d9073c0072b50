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
                    && !s.imageVersions(language).contains(v) && !buildsAnotherProject(text, w.line(), p.path())) {
                o.report(f, w.line(), "actions/setup-" + language + " at " + f + ":" + w.line() + " uses "
                        + language + " " + raw + " but " + p.source() + " at " + p.where() + " says " + DriftScope.describe(p),
                        "use " + language + "-version: " + p.version() + (language.equals("node") || language.equals("python")
                                ? " (or " + language + "-version-file: " + p.path() + ")" : ""), language + ":" + raw);
            }
        }
    }

    /** A step's {@code working-directory:} (a relative path). */
    private static final java.util.regex.Pattern WORKING_DIR = java.util.regex.Pattern.compile(
            "^\\s*(?:-\\s+)?working-directory:\\s*['\"]?(?:\\./)?([\\w-][\\w.-]*(?:/[\\w.-]+)*)");
    /** A run script's {@code cd dir} (a relative path) at the start of a line or after {@code &&} or {@code ;}. */
    private static final java.util.regex.Pattern CD = java.util.regex.Pattern.compile(
            "(?:^|&&|;|run:)\\s*cd\\s+['\"]?(?:\\./)?([\\w-][\\w.-]*(?:/[\\w.-]+)*)['\"]?\\s*(?:$|&&|;)");
    private static final java.util.regex.Pattern JOB_KEY = java.util.regex.Pattern.compile("^(\\s*)[\\w-]+:\\s*(?:#.*)?$");

    /**
     * Whether the job that sets the runtime up works only in directories outside the project that states the version
     * ({@code cd kotlin} or {@code working-directory: kotlin} in a job, while only {@code java/build.gradle} states a
     * Java version): it builds another project of the repository, whose version nothing states. A job that works at
     * the root, or in the stating project's directory or below or above it, is compared.
     */
    static boolean buildsAnotherProject(String text, int line, String statedPath) {
        int slash = statedPath.lastIndexOf('/');
        if (slash < 0) {
            return false; // the version is stated at the root: every job of the repository builds under it
        }
        String stated = statedPath.substring(0, slash);
        String[] lines = text.split("\n", -1);
        int at = Math.min(Math.max(line - 1, 0), lines.length - 1);
        int jobs = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("jobs:")) {
                jobs = i;
                break;
            }
        }
        int from = 0;
        int to = lines.length;
        if (jobs >= 0 && jobs < at) {
            int indent = -1;
            for (int i = jobs + 1; i < lines.length && indent < 0; i++) {
                String l = lines[i];
                if (!l.isBlank() && !l.strip().startsWith("#")) {
                    indent = l.length() - l.stripLeading().length();
                }
            }
            from = jobs + 1;
            for (int i = at; i > jobs; i--) {
                java.util.regex.Matcher m = JOB_KEY.matcher(lines[i]);
                if (m.matches() && m.group(1).length() == indent) {
                    from = i;
                    break;
                }
            }
            for (int i = at + 1; i < lines.length; i++) {
                String l = lines[i];
                if (!l.isBlank() && !l.strip().startsWith("#") && l.length() - l.stripLeading().length() <= indent) {
                    to = i;
                    break;
                }
            }
        }
        java.util.Set<String> dirs = new java.util.LinkedHashSet<>();
        for (int i = from; i < to; i++) {
            java.util.regex.Matcher w = WORKING_DIR.matcher(lines[i]);
            if (w.find()) {
                dirs.add(w.group(1));
            }
            java.util.regex.Matcher c = CD.matcher(lines[i].strip());
            while (c.find()) {
                dirs.add(c.group(1));
            }
        }
        if (dirs.isEmpty()) {
            return false;
        }
        for (String d : dirs) {
            if (d.equals(stated) || d.startsWith(stated + "/") || stated.startsWith(d + "/")) {
                return false;
            }
        }
        return true;
    }
}
