package dev.devops.lint.secrets;

import static dev.devops.lint.Severity.ERROR;

import dev.devops.core.VariableNames;
import dev.devops.lint.RuleInfo;
import dev.devops.lint.Severity;
import dev.devops.lint.secrets.GenericRule.Examples;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SEC0050: a real env file (.env, .env.production …, not an example) that git tracks (or that is staged or
 * committed) and sets at least one credential. A whole-file check: one finding per file, at the first credential.
 */
final class SEC0050CommittedDotenv implements GenericRule.FileCheck {
    static final GenericRule RULE = GenericRule.rule("SEC0050", ERROR, "Committed .env file",
            "A .env file (.env, .env.production, .env.local …) that sets a credential (a secret-named variable "
            + "with a value) is tracked by git: an error for a real-looking value, a warning when every credential "
            + "is a development default. A tracked file of plain settings is not reported, nor .env.test. Once "
            + "committed, every clone and every image built with COPY . . has them.\n"
            + "Fix: git rm --cached the file, add it to .gitignore, rotate its secrets, and commit a .env.example "
            + "with empty values instead.")
            .overlap(GenericRule.Overlap.NONE)
            .examples(Examples.in(".env.production").tracked()
                    .match("""
                    # prod
                    DB_PASSWORD=mjAmHMPGPPA0Nl
                    DEBUG=false
                    """)
                    .ignore("""
                    # only comments
                    DB_PASSWORD=
                    """)
                    .ignore("""
                    DEBUG=false
                    PORT=3000
                    """))
            .file(SEC0050CommittedDotenv::new)
            .build();

    private static final Pattern LINE = Pattern.compile(
            "(?m)^[ \\t]*(?:export[ \\t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \\t]*=[ \\t]*(\"[^\"\\n]*\"|'[^'\\n]*'|[^#\\n]*)");

    private final RuleInfo rule;

    private SEC0050CommittedDotenv(RuleInfo rule) {
        this.rule = rule;
    }

    @Override
    public boolean appliesTo(String path, FileKind kind, boolean committed) {
        return kind == FileKind.ENV && committed;
    }

    @Override
    public void scan(ScanJob job, SecretScanner scanner) {
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
        job.emit(rule, live ? Severity.ERROR : Severity.WARNING, first, null,
                job.path + " is committed and sets " + count + (count == 1 ? " credential" : " credentials")
                        + " (first: " + firstKey + ")" + (live ? "" : ", development defaults only"),
                "git rm --cached " + job.path + ", add it to .gitignore, rotate its secrets, and commit a .env.example with empty values instead.",
                null);
    }
}
