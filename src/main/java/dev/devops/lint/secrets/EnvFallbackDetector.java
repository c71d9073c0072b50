package dev.devops.lint.secrets;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SEC0030 / SEC0031 for a literal fallback of a secret-named environment variable: the value the app runs
 * with whenever the variable is unset, so it ships in every deployment that forgets it.
 * {@code os.getenv('X', '…')}, {@code os.environ.get('X', '…')}, {@code os.environ.get('X') or '…'},
 * {@code getEnv("X", "…")} helpers, {@code System.getenv().getOrDefault("X", "…")}, {@code ENV.fetch('X', '…')},
 * {@code ENV['X'] || '…'}, {@code process.env.X || '…'} and {@code ?? '…'}. The name and value are judged by
 * the assignment detector's rules (its name classes, filters, length and entropy floors).
 */
final class EnvFallbackDetector extends Detector {
    private static final String LITERAL = "('[^'\\n]{0,300}'|\"[^\"\\n]{0,300}\"|`[^`$\\n]{0,300}`)";
    private static final String NAME = "(?<q>['\"])([A-Za-z_][\\w.-]{0,100})\\k<q>";
    /** A call that reads NAME with a default argument, or reads NAME and then `or` / `||` / `??` a literal. */
    private static final Pattern CALL = Pattern.compile("(?i)(?:getenv\\w*|environ\\.get|env\\.fetch|getOrDefault|env\\.get)"
            + "[ \\t]*\\([ \\t]*" + NAME + "[ \\t]*(?:,[ \\t]*(?:default[ \\t]*=[ \\t]*)?" + LITERAL
            + "|\\)[ \\t]*(?:or|\\|\\||\\?\\?)[ \\t]*" + LITERAL + ")");
    /** process.env.NAME || '…', process.env['NAME'] ?? '…', ENV['NAME'] || '…'. */
    private static final Pattern MEMBER = Pattern.compile("(?:process\\.env\\.([A-Za-z_]\\w{0,100})|(?:process\\.env|ENV)\\[[ \\t]*"
            + NAME + "[ \\t]*])[ \\t]*(?:\\|\\||\\?\\?)[ \\t]*" + LITERAL);

    private final AssignmentDetector assignment;

    EnvFallbackDetector(AssignmentDetector assignment) {
        this.assignment = assignment;
    }

    @Override
    List<String> keywords() {
        return List.of("getenv", "environ.get", "env.fetch", "getordefault", "env.get", "process.env", "env[");
    }

    @Override
    boolean appliesTo(FileKind kind) {
        return kind == FileKind.CODE;
    }

    @Override
    int scan(ScanJob job, int lineStart, int lineEnd, int hitStart, int hitEnd) {
        int from = Math.max(lineStart, hitStart - 12); // "os.", "ENV" before the keyword
        int to = Math.min(lineEnd, hitEnd + 700);
        Matcher m = job.matcher(CALL);
        m.region(from, to);
        int end = hitEnd;
        if (m.find() && m.start() <= hitStart) {
            int g = m.group(3) != null ? 3 : 4;
            report(job, m.group(2), m.group(g), m.start(g));
            end = m.end();
        }
        Matcher p = job.matcher(MEMBER);
        p.region(from, to);
        if (p.find() && p.start() <= hitStart) {
            String name = p.group(1) != null ? p.group(1) : p.group(3);
            report(job, name, p.group(4), p.start(4));
            end = Math.max(end, p.end());
        }
        return end;
    }

    private void report(ScanJob job, String name, String literal, int pos) {
        if (AssignmentDetector.classify(name) != null) {
            assignment.consider(job, name, literal, pos, true, " (the fallback when " + name + " is unset)");
        }
    }
}
