package dev.devops.lint.secrets;

import dev.devops.core.VariableNames;
import dev.devops.lint.Severity;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SEC0050: a real env file (.env, .env.production …, not an example) that git tracks (or that is
 * staged or committed) and sets at least one non-empty value. One finding per file, at the first value.
 */
final class DotEnvDetector {
    private static final Pattern LINE = Pattern.compile(
            "(?m)^[ \\t]*(?:export[ \\t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \\t]*=[ \\t]*(\"[^\"\\n]*\"|'[^'\\n]*'|[^#\\n]*)");

    private DotEnvDetector() {
    }

    static void scan(ScanJob job) {
        if (job.context.quiet()) {
            return; // .env.test and env files under test/ or docs/: dummy values
        }
        Matcher m = LINE.matcher(job.text);
        int count = 0;
        int first = -1;
        String firstKey = null;
        boolean live = false;
        while (m.find()) {
            String v = m.group(2).strip();
            if (v.length() >= 2 && (v.startsWith("\"") || v.startsWith("'"))) {
                v = v.substring(1, v.length() - 1);
            }
            // a tracked file of plain settings is ordinary 12-factor practice: only credentials count
            if (v.isBlank() || !VariableNames.isSecret(m.group(1))) {
                continue;
            }
            Filters.Strength strength = Filters.strength(v);
            if (strength == Filters.Strength.NONE) {
                continue; // a reference, a placeholder, a URL without a password
            }
            count++;
            live |= strength == Filters.Strength.LIVE;
            if (first < 0) {
                first = m.start(1);
                firstKey = m.group(1);
            }
        }
        if (count == 0) {
            return;
        }
        job.emit(GenericRules.DOTENV, live ? Severity.ERROR : Severity.WARNING, first, null,
                job.path + " is committed and sets " + count + (count == 1 ? " credential" : " credentials")
                        + " (first: " + firstKey + ")" + (live ? "" : ", development defaults only"),
                "git rm --cached " + job.path + ", add it to .gitignore, rotate its secrets, and commit a .env.example with empty values instead.",
                null);
    }
}
