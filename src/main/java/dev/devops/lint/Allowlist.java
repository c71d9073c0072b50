package dev.devops.lint;

import dev.devops.descriptor.LintSettings;
import dev.devops.files.PathClasses;
import dev.devops.files.PathGlobs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * devops.yaml's {@code lint.allowlist}: path globs ("test/fixtures/**"; a glob without '/' matches the
 * file name anywhere), rule ids, value regexes (found anywhere in a secret) and stopwords (a secret
 * containing one, ignoring case, is not reported).
 */
public final class Allowlist {
    public static final Allowlist NONE = new Allowlist(LintSettings.EMPTY);

    private final PathGlobs paths;
    private final Set<String> rules;
    private final List<Pattern> values = new ArrayList<>();
    private final List<String> stopwords = new ArrayList<>();
    private final PathClasses pathClasses;

    public Allowlist(LintSettings s) {
        paths = new PathGlobs(s.allowPaths());
        rules = Set.copyOf(s.allowRules().stream().map(r -> r.toUpperCase(Locale.ROOT)).toList());
        s.allowValues().forEach(v -> values.add(Pattern.compile(v)));
        s.stopwords().forEach(w -> stopwords.add(w.toLowerCase(Locale.ROOT)));
        pathClasses = s.testPaths().isEmpty() && s.docsPaths().isEmpty() ? PathClasses.DEFAULT
                : new PathClasses(s.testPaths(), s.docsPaths());
    }

    /** The repository's test and documentation path classes (built in, plus devops.yaml's {@code lint.paths}). */
    public PathClasses pathClasses() {
        return pathClasses;
    }

    public static Allowlist of(LintSettings s) {
        return s == null ? NONE : new Allowlist(s);
    }

    public boolean path(String relativePath) {
        return paths.matches(relativePath);
    }

    public boolean rule(String ruleId) {
        return rules.contains(ruleId.toUpperCase(Locale.ROOT));
    }

    /** Whether a secret value is allowlisted by a value regex or a stopword. */
    public boolean value(String secret) {
        for (Pattern p : values) {
            if (p.matcher(secret).find()) {
                return true;
            }
        }
        if (!stopwords.isEmpty()) {
            String lower = secret.toLowerCase(Locale.ROOT);
            for (String w : stopwords) {
                if (lower.contains(w)) {
                    return true;
                }
            }
        }
        return false;
    }
}
