package dev.devops.lint.secrets;

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
        Matcher m = LINE.matcher(job.text);
        int count = 0;
        int first = -1;
        String firstKey = null;
        while (m.find()) {
            String v = m.group(2).strip();
            if (v.length() >= 2 && (v.startsWith("\"") || v.startsWith("'"))) {
                v = v.substring(1, v.length() - 1);
            }
            if (v.isBlank()) {
                continue;
            }
            count++;
            if (first < 0) {
                first = m.start(1);
                firstKey = m.group(1);
            }
        }
        if (count == 0) {
            return;
        }
        job.emit(GenericRules.DOTENV, Severity.ERROR, first, null,
                job.path + " is committed and sets " + count + (count == 1 ? " value" : " values") + " (first: " + firstKey + ")",
                "git rm --cached " + job.path + ", add it to .gitignore, rotate its secrets, and commit a .env.example with empty values instead.",
                null);
    }
}
