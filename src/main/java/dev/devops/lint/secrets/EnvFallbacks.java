package dev.devops.lint.secrets;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The form of SEC0030 / SEC0031 for a literal fallback of a secret-named environment variable: the value the app runs
 * with whenever the variable is unset, so it ships in every deployment that forgets it.
 * {@code os.getenv('X', '…')}, {@code os.environ.get('X', '…')}, {@code os.environ.get('X') or '…'},
 * {@code getEnv("X", "…")} helpers, Laravel's {@code env('X', '…')}, {@code System.getenv().getOrDefault("X", "…")}, {@code ENV.fetch('X', '…')},
 * {@code ENV['X'] || '…'}, {@code process.env.X || '…'} and {@code ?? '…'},
 * Elixir's {@code System.get_env("X", "…")}. The name and value are judged by
 * {@link Assignments#judge} (the name classes, filters, length and entropy floors).
 */
final class EnvFallbacks {
    private static final String LITERAL = "('[^'\\n]{0,300}'|\"[^\"\\n]{0,300}\"|`[^`$\\n]{0,300}`)";
    private static final String NAME = "(?<q>['\"])([A-Za-z_][\\w.-]{0,100})\\k<q>";
    /** A call that reads NAME with a default argument, or reads NAME and then `or` / `||` / `??` a literal. */
    private static final Pattern CALL = Pattern.compile("(?i)(?:getenv\\w*|environ\\.get|env\\.fetch|getOrDefault|env\\.get"
            // Elixir's System.get_env("X", "…")
            + "|get_env"
            // Laravel's env('DB_PASSWORD', '…') and django-environ's env('SECRET_KEY', default='…')
            + "|(?<![\\w.$>:])env)"
            + "[ \\t]*\\([ \\t]*" + NAME + "[ \\t]*(?:,[ \\t]*(?:default[ \\t]*=[ \\t]*)?" + LITERAL
            + "|\\)[ \\t]*(?:or|\\|\\||\\?\\?)[ \\t]*" + LITERAL + ")");
    /** process.env.NAME || '…', process.env['NAME'] ?? '…', ENV['NAME'] || '…'. */
    private static final Pattern MEMBER = Pattern.compile("(?:process\\.env\\.([A-Za-z_]\\w{0,100})|(?:process\\.env|ENV)\\[[ \\t]*"
            + NAME + "[ \\t]*])[ \\t]*(?:\\|\\||\\?\\?)[ \\t]*" + LITERAL);

    private EnvFallbacks() {
    }

    static final Assignments.Form FORM = new Assignments.Form() {
        @Override
        List<String> keywords() {
            return List.of("getenv", "environ.get", "env.fetch", "getordefault", "env.get", "process.env", "env[", "env(", "get_env");
        }

        @Override
        boolean appliesTo(FileKind kind) {
            return kind == FileKind.CODE;
        }

        @Override
        void read(ScanJob job, int lineStart, int lineEnd, int hitStart, int hitEnd, Assignments.Lexed out) {
            out.end = EnvFallbacks.read(job, lineStart, lineEnd, hitStart, hitEnd, out);
        }
    };

    /** A shell or compose parameter expansion with a default: {@code ${SECRET_KEY:-…}}, {@code ${SECRET_KEY-…}}. */
    private static final Pattern EXPANSION_DEFAULT = Pattern.compile("\\$\\{([A-Za-z_]\\w{0,100}):?-([^}\\s'\"`$]{1,300})}");

    /**
     * The default of a secret-named variable in a shell or compose expansion: plane's compose
     * {@code SECRET_KEY: ${SECRET_KEY:-60gp…}} and its start script's {@code "${SECRET_KEY:-60gp…}"}. What every stack
     * started without the variable runs with. Only a random-looking default is read: a weak one
     * ({@code ${POSTGRES_PASSWORD:-postgres}}) is the documented development default of a compose stack, which the
     * compose rules judge where it is set.
     */
    static final Assignments.Form DEFAULTS = new Assignments.Form() {
        @Override
        List<String> keywords() {
            return List.of(":-");
        }

        @Override
        boolean appliesTo(FileKind kind) {
            return true;
        }

        @Override
        void read(ScanJob job, int lineStart, int lineEnd, int hitStart, int hitEnd, Assignments.Lexed out) {
            out.end = hitEnd;
            int open = job.text.lastIndexOf("${", hitStart);
            if (open < lineStart || hitStart - open > 104) {
                return;
            }
            Matcher m = job.matcher(EXPANSION_DEFAULT);
            m.region(open, Math.min(lineEnd, hitEnd + 302));
            if (m.lookingAt()) {
                String value = m.group(2);
                if (!Filters.isDefaultCredential(value) && !Filters.isWeakCredential(value) && Assignments.classify(m.group(1)) != null) {
                    out.add(new Assignments.Candidate(m.group(1), value, m.start(2), false,
                            " (the default when " + m.group(1) + " is unset)", true));
                }
                out.end = m.end();
            }
        }
    };

    private static int read(ScanJob job, int lineStart, int lineEnd, int hitStart, int hitEnd, Assignments.Lexed out) {
        int from = Math.max(lineStart, hitStart - 12); // "os.", "ENV" before the keyword
        int to = Math.min(lineEnd, hitEnd + 700);
        Matcher m = job.matcher(CALL);
        m.region(from, to);
        int end = hitEnd;
        if (m.find() && m.start() <= hitStart) {
            int g = m.group(3) != null ? 3 : 4;
            report(out, m.group(2), m.group(g), m.start(g));
            end = m.end();
        }
        Matcher p = job.matcher(MEMBER);
        p.region(from, to);
        if (p.find() && p.start() <= hitStart) {
            String name = p.group(1) != null ? p.group(1) : p.group(3);
            report(out, name, p.group(4), p.start(4));
            end = Math.max(end, p.end());
        }
        return end;
    }

    private static void report(Assignments.Lexed out, String name, String literal, int pos) {
        if (Assignments.classify(name) != null) {
            // the fallback is what every deployment that forgets the variable runs with: 'mysql' is its password
            out.add(new Assignments.Candidate(name, literal, pos, true, " (the fallback when " + name + " is unset)", true));
        }
    }
}
